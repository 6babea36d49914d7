import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error.js';
import { allOf, anyOf, clause, forbiddenSearchCharacters, isUuid, safeSearchText, tagFilter } from './safe-query.js';

function rejection(text: string): ApiError {
  try {
    safeSearchText(text);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('safeSearchText', () => {
  it.each([
    ['x||id!=0', ['|', '=']],
    ['a}{', ['{', '}']],
    ['%7C%7Cid%21%3D0', ['%']],
    ['a && b', ['&&']],
    ['name~x', ['~']],
    ['a<b>c', ['<', '>']],
    ['tab\there', ['control characters']],
  ])('refuses %j, naming %j', (text, named) => {
    const error = rejection(text);
    expect(error.status).toBe(400);
    expect(error.details?.notAllowed).toEqual(named);
    for (const label of named) expect(error.message).toContain(`"${label}"`);
  });

  it('refuses more than 100 characters and accepts 100', () => {
    expect(rejection('a'.repeat(101)).message).toMatch(/100 characters/);
    expect(safeSearchText(`  ${'a'.repeat(100)}  `)).toBe('a'.repeat(100));
  });

  it("keeps the characters company names use, a single '&' included", () => {
    for (const text of ["O'Brien & Co.", 'Yahoo!', 'a &', '& b', 'what?', 'sales@example.com', 'M-100001', 'Ünïcode (ok)']) {
      expect(safeSearchText(text)).toBe(text.trim());
    }
  });

  it('lists nothing for safe text', () => {
    expect(forbiddenSearchCharacters('plain text')).toEqual([]);
  });
});

describe('query building', () => {
  it('braces OR groups and spaces every joiner, so a value ending in "&" never makes "&&&"', () => {
    const text = safeSearchText('Smith &');
    const query = allOf(anyOf(clause('name', '~', text), clause('description', '~', text)), clause('dataConnections.status', '=', 'Linked'));
    expect(query).toBe('{name~Smith & || description~Smith &} && dataConnections.status=Linked');
    expect(query).not.toContain('&&&');
    expect(query!.split(' && ')).toHaveLength(2);
  });

  it('a crafted value cannot reach the builder even if a caller forgets to check it', () => {
    for (const value of ['x||id!=0', 'a}{', '%7C%7C', ' padded ', '']) {
      expect(() => clause('name', '~', value)).toThrow();
      expect(() => tagFilter({ key: 'merchantId', op: '~', value })).toThrow();
    }
    expect(() => clause('name||id', '=', 'x')).toThrow();
  });

  it('skips missing parts and leaves a single clause unbraced', () => {
    expect(allOf(undefined, undefined)).toBeUndefined();
    expect(anyOf(clause('id', '=', 'a'))).toBe('id=a');
    expect(allOf(clause('a', '=', '1'), undefined, clause('b', '!=', '2'))).toBe('a=1 && b!=2');
  });

  it('builds tag filters joined by "&&"', () => {
    expect(tagFilter({ key: 'merchantId', op: '~', value: 'M-1' }, { key: 'region', op: '=', value: 'uk' })).toBe('merchantId~M-1 && region=uk');
  });

  it('recognises UUIDs', () => {
    expect(isUuid('3F6C1D2A-8B4E-4F71-9C2D-5A1E7B9D0C11')).toBe(true);
    expect(isUuid('3f6c1d2a-8b4e-4f71-9c2d-5a1e7b9d0c1')).toBe(false);
  });
});
