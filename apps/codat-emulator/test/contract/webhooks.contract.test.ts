import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startFlowEmulator, type FlowEmulator } from '../flows/support.js';
import { escapePointerToken } from './oas/documents.js';
import { expectToMatchOasSchema } from './oas/validator.js';

interface Delivery {
  eventType: string;
  [key: string]: unknown;
}

/** A webhook consumer on a free port that keeps every delivery. */
async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; server: Server }> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      deliveries.push(JSON.parse(body) as Delivery);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/codat`,
    deliveries,
    server,
  };
}

// Every event the emulator sends must match the request body Codat's spec declares for it.
describe('webhook deliveries against the OAS', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let emulator: FlowEmulator;
  beforeAll(async () => {
    receiver = await startReceiver();
    const secret = `whsec_${Buffer.from('contract-test-secret').toString('base64')}`;
    emulator = await startFlowEmulator({ syncStepMs: 20, webhook: { url: receiver.url, secret } });
  });
  afterAll(async () => {
    await emulator.close();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  it('company, connection and read events validate', async () => {
    const { api } = emulator;
    const control = (connectionId: string, action: string) =>
      api(`/_emulator/connections/${connectionId}/${action}`, { method: 'POST' });
    const company = (
      await api<{ id: string }>('/companies', {
        method: 'POST',
        body: { name: 'Webhook Co', tags: { region: 'uk' } },
      })
    ).body;
    const base = `/companies/${company.id}`;
    const connection = (
      await api<{ id: string }>(`${base}/connections`, {
        method: 'POST',
        body: { platformKey: 'gbol' },
      })
    ).body;
    expect((await control(connection.id, 'cancel')).status).toBe(200);
    expect((await control(connection.id, 'authorize')).status).toBe(200);
    expect((await control(connection.id, 'deauthorize')).status).toBe(200);
    expect((await control(connection.id, 'authorize')).status).toBe(200);
    await pollUntil(
      () => Promise.resolve(receiver.deliveries.map((d) => d.eventType)),
      (types) => types.includes('read.completed.initial'),
    );
    expect((await api(`${base}/data/queue/items`, { method: 'POST' })).status).toBe(200);
    await pollUntil(
      () => Promise.resolve(receiver.deliveries.map((d) => d.eventType)),
      (types) => types.includes('read.completed'),
    );
    expect(
      (
        await api(`${base}/connections/${connection.id}`, {
          method: 'PATCH',
          body: { status: 'Unlinked' },
        })
      ).status,
    ).toBe(200);
    expect((await api(`${base}/connections/${connection.id}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await api(base, { method: 'DELETE' })).status).toBe(204);

    const expected = [
      'company.created',
      'connection.created',
      'connection.failed',
      'connection.connected',
      'connection.disconnected',
      'connection.reconnected',
      'read.completed.initial',
      'read.completed',
      'connection.deleted',
      'company.deleted',
    ];
    const received = await pollUntil(
      () => Promise.resolve(new Set(receiver.deliveries.map((d) => d.eventType))),
      (types) => expected.every((type) => types.has(type)),
    );
    expect([...received].sort()).toEqual([...expected].sort());
    for (const delivery of receiver.deliveries) {
      const pointer = `#/webhooks/${escapePointerToken(delivery.eventType)}/post/requestBody/content/application~1json/schema`;
      expectToMatchOasSchema('platform', pointer, delivery, `webhook ${delivery.eventType}`);
    }
  });
});
