import type { IncomingHttpHeaders } from 'node:http';
import type { RateLimitSnapshot } from './types.js';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

function toNumber(text: string | undefined): number | undefined {
  const value = text === undefined ? NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Reads `X-Rate-Limit-Limit/Remaining/Reset`; undefined when the response carries none. */
export function readRateLimit(
  headers: IncomingHttpHeaders,
  observedAt: number,
): RateLimitSnapshot | undefined {
  const limit = toNumber(header(headers, 'x-rate-limit-limit'));
  const remaining = toNumber(header(headers, 'x-rate-limit-remaining'));
  const reset = header(headers, 'x-rate-limit-reset');
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  return { limit, remaining, reset, observedAt };
}
