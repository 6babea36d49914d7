import type { HttpMethod } from './types.js';

export interface RetryOptions {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Backoff cap for the first retry; doubles per retry up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** From the start of the call: no retry starts, and no backoff sleeps, past this. */
  maxTotalMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 6,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalMs: 20_000,
};

/**
 * Only POST is never retried: every POST in this API creates something or queues work (a
 * company, a connection, a dataset, a credential pair, an OTP), and a retry after a lost answer
 * can duplicate it — a billable company, say. GET, PUT and DELETE are idempotent by definition.
 * Every PATCH here sets absolute values (company fields, `status: Unlinked`, an account name),
 * so a repeat leaves the same state. A repeated DELETE or unlink whose first attempt did land
 * answers 404 / an error, which is surfaced as-is.
 */
export function isIdempotent(method: HttpMethod): boolean {
  return method !== 'POST';
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** "Full jitter": uniformly random in [0, min(maxDelay, initialDelay × 2^(retry−1))). */
export function backoffDelayMs(retry: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as delta-seconds or an HTTP date, in milliseconds from `nowMs`. */
export function parseRetryAfterMs(
  value: string | string[] | undefined,
  nowMs: number,
): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
