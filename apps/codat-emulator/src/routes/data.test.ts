import { describe, expect, it } from 'vitest';
import { storeCompany, storeConnection } from '../../test/store-records.js';
import { testEmulator } from '../../test/support.js';
import { initialDataTypes } from '../domain/data-types.js';
import { queuePullOperation } from '../domain/pull-operations.js';

const STEP = 1000;

function setUp() {
  const t = testEmulator({ syncStepMs: STEP });
  const company = storeCompany(t.emu);
  return { ...t, company };
}

describe('refresh data', () => {
  it('queues a data type, follows it to Complete and refuses a duplicate while it runs', async () => {
    const { emu, json, company } = setUp();
    const xero = storeConnection(emu, company, 'gbol');
    const queued = await json(`/companies/${company.id}/data/queue/invoices`, { method: 'POST' });
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({
      companyId: company.id,
      connectionId: xero.id,
      dataType: 'invoices',
      status: 'Queued',
      progress: 0,
      isCompleted: false,
      isErrored: false,
    });
    expect(queued.body).not.toHaveProperty('completed');

    const again = await json(`/companies/${company.id}/data/queue/invoices`, { method: 'POST' });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      statusCode: 400,
      service: 'PullApi',
      error: `DatasetAlreadyInProgressException: Cannot queue invoices sync for ${company.id} as previous sync ${queued.body.id} is still in progress`,
    });

    emu.clock.advance(5 * STEP);
    const done = await json(`/companies/${company.id}/data/history/${queued.body.id}`);
    expect(done.body).toMatchObject({ status: 'Complete', progress: 100, isCompleted: true });
    expect(done.body.completed).toEqual(expect.any(String));
    const read = await json(`/companies/${company.id}/data/queue/invoices`, { method: 'POST' });
    expect(read.status).toBe(200);
  });

  it('answers bad refresh requests with Codat errors', async () => {
    const { emu, json, company } = setUp();
    const queue = (path: string) => json(`/companies/${company.id}/data/queue/${path}`, { method: 'POST' });
    expect((await queue('invoices')).body.error).toBe(`Company ${company.id} has no linked data connections.`);
    const xero = storeConnection(emu, company, 'gbol');

    const unknown = await queue('widgets');
    expect(unknown.status).toBe(400);
    expect(unknown.body.service).toBe('PullApi');
    const unsupported = await queue('banking-accounts');
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.error).toBe("Datatype 'banking-accounts' not supported by platform 0f20c943-12d0-4800-9f6c-d218f62d494c");

    const other = storeConnection(emu, storeCompany(emu, 'Other'), 'gbol');
    expect((await queue(`invoices?connectionId=${other.id}`)).status).toBe(404);
    expect((await queue('invoices?connectionId=nope')).status).toBe(404);
    expect((await queue(`invoices?connectionId=${xero.id}`)).status).toBe(200);
    expect((await json(`/companies/${crypto.randomUUID()}/data/queue/invoices`, { method: 'POST' })).status).toBe(404);
  });

  it('queues AuthError for an explicitly chosen connection that is not linked', async () => {
    const { emu, json, company } = setUp();
    const pending = storeConnection(emu, company, 'gbol', 'PendingAuth');
    const queued = await json(`/companies/${company.id}/data/queue/bills?connectionId=${pending.id}`, { method: 'POST' });
    expect(queued.body).toMatchObject({ status: 'AuthError', isErrored: true, connectionId: pending.id });
  });

  it('refresh-all queues the fetch-on-first-link types of each linked connection', async () => {
    const { emu, json, company } = setUp();
    storeConnection(emu, company, 'gbol');
    storeConnection(emu, company, 'exgd');
    storeConnection(emu, company, 'suuo', 'Unlinked');
    const refreshed = await json(`/companies/${company.id}/data/all`, { method: 'POST' });
    expect(refreshed.status).toBe(204);
    const expected = initialDataTypes('Accounting').length + initialDataTypes('Commerce').length;
    expect(emu.store.datasets.get(company.id)).toHaveLength(expected);
    // Running types are skipped rather than refused.
    expect((await json(`/companies/${company.id}/data/all`, { method: 'POST' })).status).toBe(204);
    expect(emu.store.datasets.get(company.id)).toHaveLength(expected);

    const empty = storeCompany(emu, 'Empty');
    expect((await json(`/companies/${empty.id}/data/all`, { method: 'POST' })).status).toBe(400);
  });
});

describe('data status', () => {
  it('shows success, first failure and failure after success; omits never-synced types', async () => {
    const { emu, json, company } = setUp();
    const xero = storeConnection(emu, company, 'gbol');
    const queue = (dataType: string, outcome: 'Complete' | 'FetchError', minutesAgo: number) =>
      queuePullOperation(emu, { company, connection: xero, dataType, outcome, requestedMs: emu.clock.now() - minutesAgo * 60_000 });
    const invoices = queue('invoices', 'Complete', 10);
    const billsFailed = queue('bills', 'FetchError', 10);
    const customersOk = queue('customers', 'Complete', 20);
    const customersFailed = queue('customers', 'FetchError', 10);

    const { status, body } = await json(`/companies/${company.id}/dataStatus`);
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['bills', 'customers', 'invoices']);
    expect(body.invoices).toEqual({
      dataType: 'invoices',
      currentStatus: 'Complete',
      lastSuccessfulSync: invoices.completed,
      latestSyncId: invoices.id,
      latestSuccessfulSyncId: invoices.id,
    });
    expect(body.bills).toEqual({ dataType: 'bills', currentStatus: 'FetchError', latestSyncId: billsFailed.id });
    expect(body.customers).toEqual({
      dataType: 'customers',
      currentStatus: 'FetchError',
      lastSuccessfulSync: customersOk.completed,
      latestSyncId: customersFailed.id,
      latestSuccessfulSyncId: customersOk.id,
    });
  });
});

describe('pull operation history', () => {
  async function withHistory() {
    const t = setUp();
    const xero = storeConnection(t.emu, t.company, 'gbol');
    const now = t.emu.clock.now();
    const old = queuePullOperation(t.emu, { company: t.company, connection: xero, dataType: 'invoices', requestedMs: now - 60_000 });
    const failed = queuePullOperation(t.emu, { company: t.company, connection: xero, dataType: 'bills', outcome: 'MapError', requestedMs: now - 30_000 });
    const running = queuePullOperation(t.emu, { company: t.company, connection: xero, dataType: 'customers' });
    return { ...t, old, failed, running };
  }

  it('pages newest first and filters by status and dataType', async () => {
    const { json, company, old, failed, running } = await withHistory();
    const path = `/companies/${company.id}/data/history`;
    const page = await json(`${path}?pageSize=2`);
    expect(page.body.results.map((d: { id: string }) => d.id)).toEqual([running.id, failed.id]);
    expect(page.body).toMatchObject({ pageNumber: 1, pageSize: 2, totalResults: 3 });
    expect(page.body._links.next.href).toBe(`${path}?page=2&pageSize=2`);

    const failures = await json(`${path}?query=${encodeURIComponent('status!=Complete&&status!=NotSupported&&status!=Queued')}`);
    expect(failures.body.results.map((d: { id: string }) => d.id)).toEqual([failed.id]);
    const invoices = await json(`${path}?query=${encodeURIComponent('dataType=invoices')}`);
    expect(invoices.body.results.map((d: { id: string }) => d.id)).toEqual([old.id]);
    const ordered = await json(`${path}?orderBy=requested`);
    expect(ordered.body.results.map((d: { id: string }) => d.id)).toEqual([old.id, failed.id, running.id]);
  });

  it('refuses isCompleted in a query as Codat does', async () => {
    const { json, company } = await withHistory();
    const refused = await json(`/companies/${company.id}/data/history?query=isCompleted%3Dtrue`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      service: 'PullApi',
      error: 'Error parsing query - Could not resolve property isCompleted on Dataset',
    });
  });

  it("404s for unknown datasets and other companies' datasets", async () => {
    const { emu, json, company, old } = await withHistory();
    expect((await json(`/companies/${company.id}/data/history/${crypto.randomUUID()}`)).status).toBe(404);
    const other = storeCompany(emu, 'Other');
    const foreign = await json(`/companies/${other.id}/data/history/${old.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.service).toBe('PullApi');
  });
});
