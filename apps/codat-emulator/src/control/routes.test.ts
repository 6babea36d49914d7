import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../test/support.js';
import { DEMO_FIXTURES } from '../seed/fixtures.js';

const UNKNOWN_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

async function seededDemo(companies = 20) {
  const t = testEmulator();
  const seeded = await t.json('/_emulator/seed', { method: 'POST', body: { scenario: 'demo', companies, seed: 5 } });
  expect(seeded.status).toBe(200);
  return t;
}

describe('control API: seeding, reset and state', () => {
  it('requires the API key', async () => {
    const { request } = testEmulator();
    const response = await request('/_emulator/state', { headers: { Authorization: 'Basic bm9wZQ==' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('seeds a scenario, reports what it seeded, and state agrees', async () => {
    const { json } = testEmulator();
    const seeded = await json('/_emulator/seed', {
      method: 'POST',
      body: { scenario: 'fleet', companies: 40, seed: 8, anchor: '2026-01-01T00:00:00Z' },
    });
    expect(seeded.body).toMatchObject({ scenario: 'fleet', seed: 8, anchor: '2026-01-01T00:00:00.000Z', counts: { companies: 40 } });
    expect(seeded.body.elapsedMs).toEqual(expect.any(Number));
    const state = await json('/_emulator/state');
    expect(state.body.counts).toEqual(seeded.body.counts);
    expect(state.body).toMatchObject({ faults: { latencyMs: 0, errorRate: 0 }, config: { bankFeedsVersion: 'v2' }, pendingDatasets: 0 });
    const listed = await json('/companies?pageSize=1');
    expect(listed.body.totalResults).toBe(40);
  });

  it('seeding resets first, and the same seed and anchor give the same companies', async () => {
    const { json } = testEmulator();
    const body = { scenario: 'fleet', companies: 15, seed: 2, anchor: '2026-01-01T00:00:00Z' };
    // QBO Bank Feeds link URLs carry a fresh one-time password on every read.
    const list = async () => JSON.stringify((await json('/companies?pageSize=100')).body.results).replace(/\?otp=\d+/g, '');
    await json('/_emulator/seed', { method: 'POST', body });
    const first = JSON.parse(await list());
    await json('/_emulator/seed', { method: 'POST', body });
    const second = JSON.parse(await list());
    expect(second).toHaveLength(15);
    expect(second).toEqual(first);
  });

  it('defaults to the demo scenario with an empty body', async () => {
    const { json } = testEmulator();
    const seeded = await json('/_emulator/seed', { method: 'POST' });
    expect(seeded.body).toMatchObject({ scenario: 'demo', seed: 1 });
    expect((await json(`/companies/${DEMO_FIXTURES.noConnections.companyId}`)).status).toBe(200);
  });

  it('reset empties the store and removes faults', async () => {
    const { json } = await seededDemo();
    await json('/_emulator/faults', { method: 'PUT', body: { latencyMs: 5 } });
    const reset = await json('/_emulator/reset', { method: 'POST' });
    expect(reset.body.counts).toMatchObject({ companies: 0, connections: 0, datasets: 0 });
    expect(reset.body.faults.latencyMs).toBe(0);
  });

  it('rejects bad bodies with Codat 400s naming the field', async () => {
    const { json } = testEmulator();
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/_emulator/seed', { scenario: 'huge' }, 'scenario'],
      ['POST', '/_emulator/seed', { companies: -1 }, 'companies'],
      ['POST', '/_emulator/seed', { companies: 1_000_000 }, 'companies'],
      ['POST', '/_emulator/seed', { seed: 1.5 }, 'seed'],
      ['POST', '/_emulator/seed', { anchor: 'yesterday' }, 'anchor'],
      ['POST', '/_emulator/seed', { companys: 3 }, ''],
      ['POST', '/_emulator/clock/advance', { ms: -5 }, 'ms'],
      ['POST', '/_emulator/clock/advance', {}, 'ms'],
      ['PUT', '/_emulator/faults', { errorRate: 2 }, 'errorRate'],
      ['PUT', '/_emulator/faults', { errorStatus: 404 }, 'errorStatus'],
      ['PUT', '/_emulator/faults', { burst: { status: 503 } }, 'burst.count'],
      ['PUT', '/_emulator/rate-limit', { limit: 0, windowSeconds: 60 }, 'limit'],
      ['PUT', '/_emulator/rate-limit', { limit: 5 }, 'windowSeconds'],
    ];
    for (const [method, path, body, itemId] of cases) {
      const response = await json(path, { method, body });
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, canBeRetried: 'Unknown' });
      expect(response.body.validation.errors.map((e: { itemId: string | null }) => e.itemId ?? '')).toContain(itemId);
    }
    const malformed = await json('/_emulator/faults', { method: 'PUT', body: '{"latencyMs":' });
    expect(malformed.status).toBe(400);
    expect((await json('/_emulator/clock/advance', { method: 'POST' })).status).toBe(400);
  });

  it('answers unknown control paths with Codat 404s', async () => {
    const { json } = testEmulator();
    expect((await json('/_emulator/nope')).status).toBe(404);
    expect((await json(`/_emulator/connections/${UNKNOWN_ID}/explode`, { method: 'POST' })).status).toBe(404);
  });
});
