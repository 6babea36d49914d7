import { serve, type ServerType } from '@hono/node-server';
import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesSince, countsAdrift, emulatorControl, lastChangeId, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { startStack, type Stack } from '../../test/stack.js';
import { signWebhook } from './signature.js';

const SECRET = `whsec_${Buffer.from('console-webhook-secret-for-tests').toString('base64')}`;

let stack: Stack;
let server: ServerType;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: { ...TEST_MIRROR_SETTINGS, webhookSecret: SECRET } } });
  // The emulator posts its signed events to the BFF over real HTTP, as Codat would.
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: stack.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  stack.emu.config.webhook = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/codat`, secret: SECRET };
  await syncOnce(syncContext(stack));
});
afterAll(async () => {
  stack.emu.config.webhook = undefined;
  await new Promise((resolve) => server.close(resolve));
  await stack.close();
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting for the mirror');
}

const post = (body: string, headers: Record<string, string>) => stack.raw.request('/api/webhooks/codat', { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
const rejected = (reason: string) => stack.metrics.webhookRejections.get({ reason });
const nowSeconds = () => Math.floor(stack.deps.now() / 1000);

describe('POST /api/webhooks/codat', () => {
  it('updates the mirror at once when the platform deauthorizes a connection', async () => {
    const before = await lastChangeId(stack);
    await emulatorControl(stack, `/connections/${F.pendingBankFeed.accountingConnectionId}/deauthorize`);
    const changes = await eventually(() => changesSince(stack, before), (found) => found.length >= 2);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'connection.status', connectionId: F.pendingBankFeed.accountingConnectionId, fromStatus: 'Linked', toStatus: 'Deauthorized', source: 'webhook' }),
      expect.objectContaining({ kind: 'error.appeared', connectionId: F.pendingBankFeed.accountingConnectionId, source: 'webhook' }),
    ]);
    expect(await countsAdrift(stack)).toEqual({ companies: 0, connections: 0 });
  });

  it('records new companies and connections from company.* and connection.* events, and the next sync adds nothing', async () => {
    const before = await lastChangeId(stack);
    const company = await stack.deps.codat.companies.create({ name: 'Webhook Pottery' });
    await stack.deps.codat.connections.create(company.id, { platformKey: 'gbol' });
    const changes = await eventually(() => changesSince(stack, before), (found) => found.length >= 2);
    // The two events may arrive in either order.
    expect(changes.map((change) => [change.kind, change.companyId, change.source]).sort()).toEqual([
      ['company.created', company.id, 'webhook'],
      ['connection.created', company.id, 'webhook'],
    ]);
    expect(await countsAdrift(stack)).toEqual({ companies: 0, connections: 0 });
    const afterHooks = await lastChangeId(stack);
    await syncOnce(syncContext(stack));
    expect(await changesSince(stack, afterHooks)).toEqual([]);

    await stack.deps.codat.companies.delete(company.id);
    const deleted = await eventually(() => changesSince(stack, afterHooks), (found) => found.length >= 1);
    expect(deleted[0]).toMatchObject({ kind: 'company.deleted', companyId: company.id, source: 'webhook' });
  });

  it('refuses a bad signature with 401, counts it and changes nothing', async () => {
    const before = await lastChangeId(stack);
    const body = JSON.stringify({ id: 'evt-1', eventType: 'company.deleted', generatedDate: new Date().toISOString(), payload: { id: F.noConnections.companyId, name: 'x' } });
    const signed = signWebhook(SECRET, 'msg-1', nowSeconds(), body);
    const count = rejected('bad-signature');
    const forged = await post(body.replace('x', 'y'), signed);
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('invalid_signature');
    expect(rejected('bad-signature')).toBe(count + 1);
    expect(stack.metrics.render()).toMatch(/console_codat_webhook_rejections_total\{reason="bad-signature"\} \d+/);

    const stale = await post(body, signWebhook(SECRET, 'msg-2', nowSeconds() - 600, body));
    expect(stale.status).toBe(401);
    expect(rejected('stale-timestamp')).toBeGreaterThan(0);
    expect((await post(body, {})).status).toBe(401);
    expect(await changesSince(stack, before)).toEqual([]);
  });

  it('applies a correctly signed event, ignores one it does not use, and refuses a malformed payload', async () => {
    const deleted = JSON.stringify({ id: 'evt-2', eventType: 'company.deleted', generatedDate: new Date(stack.deps.now()).toISOString(), payload: { id: F.noConnections.companyId, name: 'Quayside Deli' } });
    const applied = await post(deleted, signWebhook(SECRET, 'msg-3', nowSeconds(), deleted));
    expect(applied.status).toBe(200);
    expect(await applied.json()).toEqual({ received: true, applied: true });

    const read = JSON.stringify({ id: 'evt-3', eventType: 'read.completed', payload: {} });
    expect(await (await post(read, signWebhook(SECRET, 'msg-4', nowSeconds(), read))).json()).toEqual({ received: true, applied: false });

    const broken = JSON.stringify({ id: 'evt-4', eventType: 'connection.connected', payload: { connection: { id: 'x' } } });
    expect((await post(broken, signWebhook(SECRET, 'msg-5', nowSeconds(), broken))).status).toBe(400);
  });

  it('ignores an event older than what the mirror holds', async () => {
    const before = await lastChangeId(stack);
    const connection = stack.emu.store.connections.get(F.userCancelled.connectionId)!;
    const body = JSON.stringify({
      id: 'evt-5',
      eventType: 'connection.connected',
      generatedDate: '2020-01-01T00:00:00Z',
      payload: {
        referenceCompany: { id: F.userCancelled.companyId, name: F.userCancelled.name },
        connection: { id: connection.id, integrationId: 'i', integrationKey: 'gbol', sourceId: 's', sourceType: 'Accounting', platformName: 'Xero', linkUrl: 'x', status: 'Linked', created: connection.created },
      },
    });
    expect((await post(body, signWebhook(SECRET, 'msg-6', nowSeconds(), body))).status).toBe(200);
    expect((await changesSince(stack, before)).filter((change) => change.kind === 'connection.status')).toEqual([]);
  });

  it('answers 404 when no secret is configured', async () => {
    const bare = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
    try {
      const response = await bare.raw.request('/api/webhooks/codat', { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
