import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../test/support.js';
import type { CodatEvent } from '../events.js';
import { DEMO_FIXTURES } from '../seed/fixtures.js';

const UNKNOWN_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

async function demo() {
  const t = testEmulator();
  await t.json('/_emulator/seed', { method: 'POST', body: { scenario: 'demo', companies: 10 } });
  const events: CodatEvent[] = [];
  t.emu.events.on((event) => events.push(event));
  return { ...t, events };
}

describe('control API: connection actions', () => {
  it('deauthorize: a Linked connection becomes Deauthorized with an active 401 and a webhook', async () => {
    const { json, events } = await demo();
    const { connectionId } = DEMO_FIXTURES.duplicateCustomer;
    const result = await json(`/_emulator/connections/${connectionId}/deauthorize`, { method: 'POST' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: connectionId, status: 'Deauthorized' });
    expect(result.body.dataConnectionErrors).toMatchObject([{ statusCode: '401', status: 'Active' }]);
    expect(events.map((e) => e.eventType)).toEqual(['connection.disconnected']);
    const again = await json(`/_emulator/connections/${connectionId}/deauthorize`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.body.error).toContain('only Linked connections can be deauthorized');
  });

  it('authorize: the SMB completes Link, errors resolve, the first read runs as the clock advances', async () => {
    const { json, events } = await demo();
    const { companyId, connectionId } = DEMO_FIXTURES.userCancelled;
    const linked = await json(`/_emulator/connections/${connectionId}/authorize`, { method: 'POST' });
    expect(linked.body).toMatchObject({ status: 'Linked' });
    expect(linked.body.dataConnectionErrors).toMatchObject([{ statusCode: '403', status: 'Resolved' }]);
    expect(events.map((e) => e.eventType)).toEqual(['connection.connected']);
    const running = await json('/_emulator/state');
    expect(running.body.pendingDatasets).toBeGreaterThan(0);

    const advanced = await json('/_emulator/clock/advance', { method: 'POST', body: { ms: 10 * 60_000 } });
    expect(advanced.body.pendingDatasets).toBe(0);
    expect(Date.parse(advanced.body.clock.now) - Date.parse(running.body.clock.now)).toBeGreaterThanOrEqual(10 * 60_000);
    expect(events.map((e) => e.eventType)).toContain('read.completed.initial');
    const connection = await json(`/companies/${companyId}/connections/${connectionId}`);
    expect(connection.body.lastSync).toEqual(expect.any(String));
    expect((await json(`/_emulator/connections/${connectionId}/authorize`, { method: 'POST' })).status).toBe(409);
  });

  it('cancel: the SMB abandons Link on a PendingAuth connection; not allowed on a Linked one', async () => {
    const { json, events } = await demo();
    const { connectionId } = DEMO_FIXTURES.pendingBankFeed;
    const cancelled = await json(`/_emulator/connections/${connectionId}/cancel`, { method: 'POST' });
    expect(cancelled.body).toMatchObject({ status: 'PendingAuth' });
    expect(cancelled.body.dataConnectionErrors).toMatchObject([{ statusCode: '403', errorMessage: 'User cancelled', status: 'Active' }]);
    expect(events.map((e) => e.eventType)).toEqual(['connection.failed']);
    const linkedId = DEMO_FIXTURES.pendingBankFeed.accountingConnectionId;
    expect((await json(`/_emulator/connections/${linkedId}/cancel`, { method: 'POST' })).status).toBe(409);
  });

  it('unknown or malformed connection ids are Codat 404s', async () => {
    const { json } = await demo();
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      const missing = await json(`/_emulator/connections/${id}/deauthorize`, { method: 'POST' });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ statusCode: 404, error: `Data connection ${id} not found` });
    }
  });
});

describe('control API: faults and rate limit', () => {
  it('a burst fails the next Codat requests, not the control API, then clears', async () => {
    const { json } = testEmulator();
    const set = await json('/_emulator/faults', { method: 'PUT', body: { burst: { status: 429, count: 2, retryAfterSeconds: 7 } } });
    expect(set.body).toMatchObject({ latencyMs: 0, errorRate: 0, errorStatus: 500, burst: { status: 429, count: 2 } });
    const first = await json('/companies');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await json('/_emulator/state')).status).toBe(200);
    expect((await json('/companies')).status).toBe(429);
    expect((await json('/companies')).status).toBe(200);
  });

  it('an error rate of 1 fails every request with the chosen status; PUT replaces the whole setting', async () => {
    const { json } = testEmulator();
    await json('/_emulator/faults', { method: 'PUT', body: { errorRate: 1, errorStatus: 503 } });
    const failed = await json('/companies');
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ statusCode: 503 });
    const replaced = await json('/_emulator/faults', { method: 'PUT', body: { latencyMs: 1 } });
    expect(replaced.body).toMatchObject({ latencyMs: 1, errorRate: 0 });
    expect((await json('/companies')).status).toBe(200);
  });

  it('faults limited to some methods leave the others alone', async () => {
    const { json } = testEmulator();
    await json('/_emulator/faults', { method: 'PUT', body: { errorRate: 1, errorStatus: 503, methods: ['POST'] } });
    expect((await json('/companies')).status).toBe(200);
    expect((await json('/companies', { method: 'POST', body: { name: 'Refused Ltd' } })).status).toBe(503);
  });

  it('a rate limit answers 429 with Retry-After once spent, and a new window opens as the clock moves', async () => {
    const { json } = testEmulator();
    const set = await json('/_emulator/rate-limit', { method: 'PUT', body: { limit: 2, windowSeconds: 60 } });
    expect(set.body).toMatchObject({ limit: 2, windowSeconds: 60, remaining: 2 });
    expect((await json('/companies')).headers.get('x-rate-limit-remaining')).toBe('1');
    expect((await json('/companies')).status).toBe(200);
    const limited = await json('/companies');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json('/_emulator/state')).body.rateLimit).toMatchObject({ limit: 2, remaining: 0 });
    await json('/_emulator/clock/advance', { method: 'POST', body: { ms: 60_000 } });
    expect((await json('/companies')).status).toBe(200);
  });
});
