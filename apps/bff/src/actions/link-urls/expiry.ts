import { QBO_BANK_FEEDS_KEY } from '../../codat/platforms.js';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

export interface LinkLifetime {
  /** The URL carries a one-time password: it works once. */
  oneTime: boolean;
  /** When it stops working, if it carries a one-time password. */
  expiresAt: string | null;
}

function queryNames(url: string): Set<string> {
  try {
    return new Set(new URL(url).searchParams.keys());
  } catch {
    return new Set();
  }
}

/**
 * Codat's one-time links: `link.otp` (the client's one-time-link setting) lives a day even
 * unused; a connection `otp` lives an hour for QuickBooks Online Bank Feeds and a day otherwise.
 * Codat doesn't return the expiry, so it is counted from now (the link was just minted).
 */
export function linkLifetime(url: string, nowMs: number, platformKey?: string | null): LinkLifetime {
  const names = queryNames(url);
  if (names.has('otp')) {
    const lifetime = platformKey === QBO_BANK_FEEDS_KEY ? HOUR_MS : DAY_MS;
    return { oneTime: true, expiresAt: new Date(nowMs + lifetime).toISOString() };
  }
  if (names.has('link.otp')) return { oneTime: true, expiresAt: new Date(nowMs + DAY_MS).toISOString() };
  return { oneTime: false, expiresAt: null };
}

/** `2026-03-01 14:05 UTC`, for messages people read. */
export function readableUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
