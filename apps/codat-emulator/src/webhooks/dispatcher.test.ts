import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompany } from '../domain/company-lifecycle.js';
import { createConnection } from '../domain/connection-lifecycle.js';
import { Emulator } from '../emulator.js';
import { startWebhookDispatcher } from './dispatcher.js';
import { signWebhook, verifyWebhookSignature } from './signature.js';

const SECRET = `whsec_${Buffer.from('emulator-test-signing-key-32byte').toString('base64')}`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver that answers each request with the next status in `statuses` (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end();
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/codat`;
  const waitFor = async (count: number) => {
    while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, received, waitFor, close };
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('webhook dispatcher', () => {
  it('posts signed Codat envelopes that verify, and a tampered body does not', async () => {
    const hook = await receiver();
    cleanups.push(hook.close);
    const emu = new Emulator({ webhook: { url: hook.url, secret: SECRET }, publicUrl: 'http://emulator.local' });
    cleanups.push(startWebhookDispatcher(emu));

    const company = createCompany(emu, { name: 'Hooked', tags: { region: 'uk' } });
    const connection = createConnection(emu, company, 'gbol');
    await hook.waitFor(2);

    const [companyCreated, connectionCreated] = hook.received.map((r) => ({ ...r, json: JSON.parse(r.body) }));
    expect(companyCreated!.json).toMatchObject({ eventType: 'company.created', payload: { id: company.id, name: 'Hooked' } });
    expect(connectionCreated!.json).toMatchObject({
      eventType: 'connection.created',
      payload: {
        referenceCompany: { id: company.id, tags: { region: 'uk' } },
        connection: { id: connection.id, status: 'PendingAuth' },
      },
    });
    const { id, generatedDate } = connectionCreated!.json;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(generatedDate).toISOString()).toBe(generatedDate);
    expect(connectionCreated!.headers['webhook-id']).toBe(id);
    expect(connectionCreated!.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(connectionCreated!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(connectionCreated!.headers['content-type']).toBe('application/json');

    expect(verifyWebhookSignature(SECRET, connectionCreated!.headers, connectionCreated!.body)).toBe(true);
    expect(verifyWebhookSignature(SECRET, connectionCreated!.headers, connectionCreated!.body.replace('Hooked', 'Hacked'))).toBe(false);
    const otherSecret = `whsec_${Buffer.from('another-key').toString('base64')}`;
    expect(verifyWebhookSignature(otherSecret, connectionCreated!.headers, connectionCreated!.body)).toBe(false);
  });

  it('retries non-2xx answers with backoff until one succeeds', async () => {
    const hook = await receiver([500, 503]);
    cleanups.push(hook.close);
    const emu = new Emulator({ webhook: { url: hook.url, secret: SECRET } });
    cleanups.push(startWebhookDispatcher(emu, { retryDelaysMs: [10, 10, 10] }));

    createCompany(emu, { name: 'Flaky receiver' });
    await hook.waitFor(3);
    const ids = hook.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1); // the same message, retried
    expect(hook.received.every((r) => verifyWebhookSignature(SECRET, r.headers, r.body))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received).toHaveLength(3);
  });

  it('gives up quietly on a dead receiver without disturbing the emitter', async () => {
    const hook = await receiver();
    await hook.close(); // nothing listens on this port any more
    const emu = new Emulator({ webhook: { url: hook.url, secret: SECRET } });
    const failures: string[] = [];
    let gaveUp!: () => void;
    const done = new Promise<void>((resolve) => (gaveUp = resolve));
    cleanups.push(
      startWebhookDispatcher(emu, {
        retryDelaysMs: [5, 5],
        onGiveUp: (failure) => {
          failures.push(failure.eventType);
          gaveUp();
        },
      }),
    );
    expect(() => createCompany(emu, { name: 'Nobody listens' })).not.toThrow();
    await done;
    expect(failures).toEqual(['company.created']);
  });

  it('sends nothing without a webhook configured, and nothing after stop', async () => {
    const hook = await receiver();
    cleanups.push(hook.close);
    const emu = new Emulator();
    const stop = startWebhookDispatcher(emu);
    createCompany(emu, { name: 'Unconfigured' });
    emu.config.webhook = { url: hook.url, secret: SECRET };
    stop();
    createCompany(emu, { name: 'Stopped' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received).toEqual([]);
  });
});

describe('verifyWebhookSignature', () => {
  it('rejects stale timestamps and missing headers', () => {
    const signedAt = 1_700_000_000;
    const headers = signWebhook(SECRET, 'msg_1', signedAt, '{}');
    expect(verifyWebhookSignature(SECRET, headers, '{}', { nowMs: signedAt * 1000 + 60_000 })).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers, '{}', { nowMs: signedAt * 1000 + 600_000 })).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, '{}')).toBe(false);
    expect(verifyWebhookSignature(SECRET, {}, '{}')).toBe(false);
  });
});
