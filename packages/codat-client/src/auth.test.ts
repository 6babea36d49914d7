import { describe, expect, it } from 'vitest';
import { authorizationHeader, secretForms } from './auth.js';
import { createRedactor } from './redact.js';

const key = 'sk_live_Sup3r-Secret/Key+42';
const token = Buffer.from(key).toString('base64');

describe('API key handling', () => {
  it('builds the Basic header from the raw key and takes a ready-made header as is', () => {
    expect(authorizationHeader(key)).toBe(`Basic ${token}`);
    expect(authorizationHeader(`Basic ${token}`)).toBe(`Basic ${token}`);
  });

  it('knows the raw, base64 and URL-encoded forms whichever form it was given', () => {
    for (const given of [key, `Basic ${token}`]) {
      expect(secretForms(given)).toEqual(
        expect.arrayContaining([key, token, encodeURIComponent(key)]),
      );
    }
  });

  it('redacts every form from text', () => {
    const redact = createRedactor(`Basic ${token}`);
    expect(redact(`a ${key} b Basic ${token} c ${encodeURIComponent(key)}`)).toBe(
      'a [redacted] b [redacted] c [redacted]',
    );
  });
});
