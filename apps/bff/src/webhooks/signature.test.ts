import { verifyWebhookSignature } from '@console/codat-emulator';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, WEBHOOK_SECRET_PATTERN } from './signature.js';

const SECRET = `whsec_${Buffer.from('console-webhook-test-key-32bytes!').toString('base64')}`;
const NOW = 1_790_000_000_000;
const body = '{"eventType":"connection.connected"}';
const signed = signWebhook(SECRET, 'msg_1', NOW / 1000, body);
const headers = (h: Record<string, string | undefined>) => ({ id: h['webhook-id'], timestamp: h['webhook-timestamp'], signature: h['webhook-signature'] });

describe('verifyWebhook', () => {
  it('accepts a Svix signature, including one the emulator’s verifier accepts', () => {
    expect(WEBHOOK_SECRET_PATTERN.test(SECRET)).toBe(true);
    expect(verifyWebhook(SECRET, headers(signed), body, NOW)).toBeUndefined();
    expect(verifyWebhookSignature(SECRET, signed, body, { nowMs: NOW })).toBe(true);
  });

  it('accepts any matching entry of a rotated signature list', () => {
    const list = `v1,${Buffer.alloc(32).toString('base64')} ${signed['webhook-signature']}`;
    expect(verifyWebhook(SECRET, headers({ ...signed, 'webhook-signature': list }), body, NOW)).toBeUndefined();
  });

  it.each([
    ['a changed body', () => verifyWebhook(SECRET, headers(signed), body.replace('connected', 'deleted'), NOW), 'bad-signature'],
    ['another secret', () => verifyWebhook(`whsec_${Buffer.from('other').toString('base64')}`, headers(signed), body, NOW), 'bad-signature'],
    ['another message id', () => verifyWebhook(SECRET, headers({ ...signed, 'webhook-id': 'msg_2' }), body, NOW), 'bad-signature'],
    ['a v2 entry', () => verifyWebhook(SECRET, headers({ ...signed, 'webhook-signature': signed['webhook-signature']!.replace('v1,', 'v2,') }), body, NOW), 'bad-signature'],
    ['a timestamp 6 minutes old', () => verifyWebhook(SECRET, headers(signed), body, NOW + 6 * 60_000), 'stale-timestamp'],
    ['a timestamp 6 minutes ahead', () => verifyWebhook(SECRET, headers(signed), body, NOW - 6 * 60_000), 'stale-timestamp'],
    ['no signature header', () => verifyWebhook(SECRET, headers({ ...signed, 'webhook-signature': undefined }), body, NOW), 'missing-headers'],
    ['a non-numeric timestamp', () => verifyWebhook(SECRET, headers({ ...signed, 'webhook-timestamp': '12ab' }), body, NOW), 'missing-headers'],
  ])('refuses %s', (_what, verify, reason) => {
    expect(verify()).toBe(reason);
  });

  it('accepts a timestamp 4 minutes old', () => {
    expect(verifyWebhook(SECRET, headers(signed), body, NOW + 4 * 60_000)).toBeUndefined();
  });
});
