import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Svix-style signing, as Codat's webhook service does it: HMAC-SHA256 over
 * `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the base64 part of a `whsec_` secret.
 */

const SECRET_PREFIX = 'whsec_';

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

function sign(secret: string, id: string, timestamp: string, body: string): string {
  return createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

// A type alias (not an interface) so it also fits `Record<string, string>` parameters.
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): WebhookHeaders {
  const timestamp = String(timestampSeconds);
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${sign(secret, id, timestamp, body)}`,
  };
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * True when one of the `v1,` signatures matches and the timestamp is within the tolerance of
 * `nowMs` (5 minutes by default, as Svix checks, against replays).
 */
export function verifyWebhookSignature(
  secret: string,
  headers: HeaderSource,
  body: string,
  options: { toleranceSeconds?: number; nowMs?: number } = {},
): boolean {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  const ageSeconds = Math.abs((options.nowMs ?? Date.now()) / 1000 - Number(timestamp));
  if (ageSeconds > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(secret, id, timestamp, body));
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) return false;
    const actual = Buffer.from(signature);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}
