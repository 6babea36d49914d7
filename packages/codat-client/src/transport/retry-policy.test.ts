import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  DEFAULT_RETRY,
  isIdempotent,
  isRetryableStatus,
  parseRetryAfterMs,
} from './retry-policy.js';

describe('retry policy', () => {
  it('never treats POST as idempotent', () => {
    expect(isIdempotent('POST')).toBe(false);
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const)
      expect(isIdempotent(method)).toBe(true);
  });

  it('retries 408, 429 and 5xx only', () => {
    expect(
      [400, 401, 402, 403, 404, 409, 408, 429, 500, 502, 503, 504].filter(isRetryableStatus),
    ).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it('draws full jitter below an exponentially growing, capped ceiling', () => {
    const options = { ...DEFAULT_RETRY, initialDelayMs: 100, maxDelayMs: 1000 };
    const ceilings = [1, 2, 3, 4, 5, 6].map((retry) =>
      backoffDelayMs(retry, options, () => 0.999999),
    );
    expect(ceilings).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelayMs(3, options, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('2', now)).toBe(2000);
    expect(parseRetryAfterMs('1.5', now)).toBe(1500);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs(['7'], now)).toBe(7000);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});
