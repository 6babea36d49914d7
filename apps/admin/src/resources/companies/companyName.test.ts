import { describe, expect, it } from 'vitest';
import { merchantIdProblem, nameProblem, notAllowedCharacters } from './companyName';

describe('company name characters', () => {
  it("allows Codat's set: letters, digits, spaces and - ' , & @ . ? !", () => {
    expect(notAllowedCharacters("Acme & Sons' Co-op, Ltd. @ Home? Yes!")).toEqual([]);
    expect(nameProblem("O'Brien & Co")).toBeUndefined();
  });

  it('names each character that is not allowed, once, in typed order', () => {
    expect(notAllowedCharacters('Café #1 / #2 (UK)')).toEqual(['é', '#', '/', '(', ')']);
    expect(nameProblem('Acme #1')).toMatch(/^Not allowed: “#”\./);
    expect(nameProblem('   ')).toBe('A company name is required.');
  });

  it('refuses query characters in merchant ids', () => {
    expect(merchantIdProblem('M-1001')).toBeUndefined();
    expect(merchantIdProblem('a=b')).toBe('A merchant id may not contain “=”.');
    expect(merchantIdProblem('')).toBeUndefined();
  });
});
