import { describe, expect, it } from 'vitest';
import { compareNames, editDistance, normaliseName } from './name-similarity.js';

describe('company name similarity', () => {
  it('normalises case, punctuation, "&" and trailing legal suffixes', () => {
    expect(normaliseName('HARBOURSIDE COFFEE ROASTERS LIMITED')).toBe('harbourside coffee roasters');
    expect(normaliseName('  Harbourside   Coffee-Roasters, Ltd. ')).toBe('harbourside coffee roasters');
    expect(normaliseName('Smith & Co Inc')).toBe('smith');
    expect(normaliseName('Northgate Plumbing & Heating Ltd')).toBe('northgate plumbing and heating');
    expect(normaliseName('Ltd')).toBe('ltd');
  });

  it('calls normalised-equal names the same', () => {
    expect(compareNames('Harbourside Coffee Roasters Ltd', 'harbourside coffee roasters llc')).toBe('sameName');
    expect(compareNames('Saffron Catering LLC', 'SAFFRON CATERING')).toBe('sameName');
  });

  it('calls a typo or a missing word similar', () => {
    expect(compareNames('Harborside Coffee Roasters', 'Harbourside Coffee Roasters Ltd')).toBe('similarName');
    expect(compareNames('Harbourside Coffee', 'Harbourside Coffee Roasters')).toBe('similarName');
  });

  it('keeps different customers apart', () => {
    expect(compareNames('Bluebell Florists', 'Bluebell Bakery')).toBeUndefined();
    expect(compareNames('Kestrel Joinery Ltd', 'Quayside Deli')).toBeUndefined();
    expect(compareNames('Abc', 'Abd')).toBeUndefined();
  });

  it('computes bounded edit distances', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
