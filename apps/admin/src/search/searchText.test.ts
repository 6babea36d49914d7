import { describe, expect, it } from 'vitest';
import { parseSearch } from './searchText';

const ID = '6d4c3a7e-0f1b-4c2d-9e8f-1a2b3c4d5e01';

describe('parseSearch', () => {
  it('takes the company id from Portal and Link URLs', () => {
    expect(parseSearch(`https://app.codat.io/companies/${ID}/summary`)).toEqual({ term: ID, fromUrl: ID });
    expect(parseSearch(`https://app.codat.io/companies/${ID.toUpperCase()}/connections?x=1`).term).toBe(ID);
    expect(parseSearch(`app.codat.io/companies/${ID}`).term).toBe(ID);
    expect(parseSearch(`https://link.codat.io/company/${ID}?link.otp=1`).term).toBe(ID);
  });

  it('explains a URL without a company id', () => {
    expect(parseSearch('https://app.codat.io/settings').problem).toMatch(/no company id/);
  });

  it('passes names, ids and merchant ids through, trimmed', () => {
    expect(parseSearch('  Acme & Sons  ')).toEqual({ term: 'Acme & Sons' });
    expect(parseSearch('M-1001')).toEqual({ term: 'M-1001' });
  });

  it("refuses what has a meaning in Codat's query language", () => {
    expect(parseSearch('a||b').problem).toBe('Search text may not contain “|”.');
    expect(parseSearch('x && y').problem).toBe('Search text may not contain “&&”.');
    expect(parseSearch('a'.repeat(101)).problem).toMatch(/100 characters/);
  });
});
