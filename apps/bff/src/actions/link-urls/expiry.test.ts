import { describe, expect, it } from 'vitest';
import { linkLifetime, readableUtc } from './expiry.js';

const NOW = Date.parse('2026-03-01T10:00:00.000Z');

describe('linkLifetime', () => {
  it('gives QuickBooks Online Bank Feeds OTPs one hour', () => {
    expect(linkLifetime('https://link-api.codat.io/companies/a/connections/b/start?otp=742271', NOW, 'hcws')).toEqual({
      oneTime: true,
      expiresAt: '2026-03-01T11:00:00.000Z',
    });
  });

  it('gives one-time links a day', () => {
    expect(linkLifetime('https://link.codat.io/company/a?link.otp=abc', NOW).expiresAt).toBe('2026-03-02T10:00:00.000Z');
    expect(linkLifetime('https://link-api.codat.io/companies/a/connections/b/start?otp=1', NOW, 'gbol').expiresAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('gives ordinary and unparseable URLs no expiry', () => {
    expect(linkLifetime('https://link.codat.io/company/a', NOW)).toEqual({ oneTime: false, expiresAt: null });
    expect(linkLifetime('not a url otp=1', NOW)).toEqual({ oneTime: false, expiresAt: null });
  });

  it('formats times for people', () => {
    expect(readableUtc('2026-03-01T11:00:00.000Z')).toBe('2026-03-01 11:00 UTC');
  });
});
