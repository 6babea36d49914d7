import { describe, expect, it } from 'vitest';
import { PULL_OUTCOMES } from '../../src/domain/pull-lifecycle.js';
import { queuePullOperation } from '../../src/domain/pull-operations.js';
import { createCompany, linkedCompany, UNKNOWN_ID } from './fixtures.js';
import { expectResponseToMatchOas } from './oas/validator.js';

const STEP_MS = 1_000;
const PHASES = ['Queued', 'Fetching', 'Mapping', 'Validating', 'Processing'];

describe('pull operations and data status against the OAS', () => {
  it('get-pull-operation 200 in every phase and every outcome, 404 for unknown or foreign datasets', async () => {
    const { emu, request, json, base, companyId, connectionId } = await linkedCompany(STEP_MS);
    const get = async (path: string) =>
      expectResponseToMatchOas('platform', 'get-pull-operation', await request(path));
    const company = emu.store.companies.get(companyId)!;
    const connection = emu.store.connections.get(connectionId)!;
    const datasets = PULL_OUTCOMES.map((outcome) =>
      queuePullOperation(emu, { company, connection, dataType: 'invoices', outcome }),
    );
    const seen = new Set<string>();
    for (let step = 0; step <= PHASES.length + 1; step++) {
      for (const dataset of datasets) {
        seen.add(
          ((await get(`${base}/data/history/${dataset.id}`)).body as { status: string }).status,
        );
      }
      emu.clock.advance(STEP_MS);
    }
    expect([...seen].sort()).toEqual([...new Set([...PULL_OUTCOMES, ...PHASES])].sort());

    const other = await createCompany(json, 'Other');
    for (const path of [
      `${base}/data/history/${UNKNOWN_ID}`,
      `/companies/${other}/data/history/${datasets[0]!.id}`,
      `/companies/${UNKNOWN_ID}/data/history/${datasets[0]!.id}`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('list-pull-operations 200 (paged, filtered), 400 for isCompleted, bad queries or paging, 404', async () => {
    const { request, base } = await linkedCompany(STEP_MS);
    const list = async (path: string) =>
      expectResponseToMatchOas('platform', 'list-pull-operations', await request(path));
    for (const dataType of ['invoices', 'bills', 'customers']) {
      await request(`${base}/data/queue/${dataType}`, { method: 'POST' });
    }
    expect((await list(`${base}/data/history?pageSize=2`)).body).toMatchObject({
      totalResults: 3,
      pageSize: 2,
      _links: { next: expect.any(Object) },
    });
    const failures = encodeURIComponent('status!=Complete&&status!=NotSupported');
    expect((await list(`${base}/data/history?query=${failures}`)).body).toMatchObject({
      totalResults: 3,
    });
    expect((await list(`${base}/data/history?query=isCompleted%3Dtrue`)).body).toMatchObject({
      statusCode: 400,
      error: 'Error parsing query - Could not resolve property isCompleted on Dataset',
    });
    for (const bad of ['query=%7Bstatus', 'pageSize=0', 'orderBy=isErrored']) {
      expect((await list(`${base}/data/history?${bad}`)).status, bad).toBe(400);
    }
    expect((await list(`/companies/${UNKNOWN_ID}/data/history`)).status).toBe(404);
  });

  it('get-company-data-status 200: none, running, first failure, success, failure after success; 404', async () => {
    const { emu, request, base, companyId, connectionId } = await linkedCompany(STEP_MS);
    const dataStatus = async (path = `${base}/dataStatus`) =>
      expectResponseToMatchOas('platform', 'get-company-data-status', await request(path));
    expect((await dataStatus()).body).toEqual({});
    const company = emu.store.companies.get(companyId)!;
    const connection = emu.store.connections.get(connectionId)!;
    queuePullOperation(emu, { company, connection, dataType: 'invoices' });
    queuePullOperation(emu, { company, connection, dataType: 'bills', outcome: 'FetchError' });
    expect((await dataStatus()).body).toMatchObject({ invoices: { currentStatus: 'Queued' } });
    emu.clock.advance(10 * STEP_MS);
    queuePullOperation(emu, { company, connection, dataType: 'invoices', outcome: 'MapError' });
    emu.clock.advance(10 * STEP_MS);
    const statuses = (await dataStatus()).body as Record<string, Record<string, string>>;
    expect(statuses.bills).toEqual({
      dataType: 'bills',
      currentStatus: 'FetchError',
      latestSyncId: expect.any(String),
    });
    expect(statuses.invoices).toMatchObject({
      currentStatus: 'MapError',
      lastSuccessfulSync: expect.any(String),
    });
    expect(statuses.invoices!.latestSyncId).not.toBe(statuses.invoices!.latestSuccessfulSyncId);
    expect((await dataStatus(`/companies/${UNKNOWN_ID}/dataStatus`)).status).toBe(404);
  });
});
