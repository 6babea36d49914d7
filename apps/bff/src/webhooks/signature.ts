import { createHmac, timingSafeEqual } from 'node:crypto';

/** Codat's webhook secrets are Svix secrets: `whsec_` and a base64 key. */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

/** Svix's tolerance: older (or future) timestamps are replays or clock trouble. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookRejection = 'missing-headers' | 'stale-timestamp' | 'bad-signature';

export interface WebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  /** Space-separated `v1,<base64>` entries (several while a secret is being rotated). */
  signature: string | undefined;
}

function sign(secret: string, id: string, timestamp: string, body: string): Buffer {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
}

/**
 * Checks a Svix signature: HMAC-SHA256 of `id.timestamp.body` keyed with the decoded secret,
 * compared in constant time, and a timestamp within the tolerance. Returns why it was refused.
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string,
  nowMs: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): WebhookRejection | undefined {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing-headers';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return 'stale-timestamp';
  const expected = sign(secret, id, timestamp, body);
  const matches = signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const actual = Buffer.from(value, 'base64');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
  return matches ? undefined : 'bad-signature';
}

/** Headers a Svix sender would add; for tests and local tooling. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): Record<string, string> {
  const timestamp = String(timestampSeconds);
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${sign(secret, id, timestamp, body).toString('base64')}`,
  };
}
