import { DEMO_FIXTURES } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codatCalls } from '../../test/codat-calls.js';
import { startStack, type Stack } from '../../test/stack.js';
import type { PullOperationRecord } from '../resources/pull-operations/schemas.js';
import type { SyncProgress } from './refresh/sync-progress.js';

const { companyId, connectionId } = DEMO_FIXTURES.bankFeedAccounts;

describe('refresh actions', () => {
  let stack: Stack;
  const datasetCount = (id = companyId) => stack.emu.store.datasets.get(id)?.length ?? 0;
  const progress = async () => (await stack.json<SyncProgress>(`/api/companies/${companyId}/sync-progress`)).body;

  // Reads advance only with the emulator's clock, so "still running" holds however slow the machine.
  const STEP_MS = 60_000;
  beforeAll(async () => {
    stack = await startStack({ emulator: { syncStepMs: STEP_MS } });
  });
  afterAll(() => stack.close());

  it('queues one data type, shows it running, refuses a duplicate, then reports the new lastSync', async () => {
    const before = await progress();
    expect(before).toMatchObject({ companyId, anyRunning: false, running: [] });
    expect(before.lastSync).toBeTruthy();

    const queued = await stack.json<PullOperationRecord>(`/api/companies/${companyId}/refresh/invoices`, { method: 'POST' });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ companyId, connectionId, dataType: 'invoices', status: 'Queued', running: true });

    const during = await progress();
    expect(during.anyRunning).toBe(true);
    expect(during.running.map((r) => r.id)).toEqual([queued.body.id]);
    const status = await stack.json(`/api/data-status/${companyId}.invoices`);
    expect(status.body).toMatchObject({ running: true, latestSyncId: queued.body.datasetId });

    const count = datasetCount();
    const duplicate = await stack.json(`/api/companies/${companyId}/refresh/invoices`, { method: 'POST', body: { connectionId } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toContain('Codat is already reading invoices for company');
    expect(duplicate.body.error.details.pullOperation.id).toBe(queued.body.id);
    expect(datasetCount()).toBe(count);

    let after = await progress();
    for (let polls = 0; after.anyRunning && polls < 20; polls += 1) {
      stack.emu.clock.advance(STEP_MS);
      after = await progress();
    }
    expect(after.anyRunning).toBe(false);
    expect(Date.parse(after.lastSync!)).toBeGreaterThan(Date.parse(before.lastSync!));
    const done = await stack.json<PullOperationRecord>(`/api/pull-operations/${queued.body.id}`);
    expect(done.body).toMatchObject({ status: 'Complete', isCompleted: true, running: false, completed: after.lastSync });
  });

  it('maps Codat’s DatasetAlreadyInProgressException to a 409 when data status did not show the run', async () => {
    // A run data status cannot see: an older, unfinished dataset behind a newer, finished one.
    const now = stack.emu.clock.now();
    const base = { companyId, connectionId, dataType: 'bills', outcome: 'Complete' as const, completed: undefined };
    stack.emu.store.addDataset({ ...base, id: crypto.randomUUID(), requested: new Date(now).toISOString(), requestedMs: now, stepMs: 60_000, settled: false });
    stack.emu.store.addDataset({ ...base, id: crypto.randomUUID(), requested: new Date(now).toISOString(), requestedMs: now, stepMs: 1, settled: true });
    const count = datasetCount();
    const refused = await stack.json(`/api/companies/${companyId}/refresh/bills`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('DatasetAlreadyInProgressException');
    expect(refused.body.error.codatCorrelationId).toBeTruthy();
    expect(datasetCount()).toBe(count);
  });

  it('queues all data with 202 { queued: true }', async () => {
    const count = datasetCount();
    const queued = await stack.json(`/api/companies/${companyId}/refresh`, { method: 'POST' });
    expect(queued).toMatchObject({ status: 202, body: { queued: true } });
    expect(datasetCount()).toBeGreaterThan(count);
    expect((await progress()).anyRunning).toBe(true);
  });

  it('refuses an unknown data type (listing the valid ones), a bad company id or body, without calling Codat', async () => {
    const before = codatCalls(stack);
    const unknown = await stack.json(`/api/companies/${companyId}/refresh/invoice`, { method: 'POST' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"invoice" is not a Codat data type. Valid data types: accountTransactions, balanceSheet');
    expect((await stack.json('/api/companies/nope/refresh', { method: 'POST' })).status).toBe(400);
    expect((await stack.json(`/api/companies/${companyId}/refresh/bills`, { method: 'POST', body: { connectionId: 'x' } })).status).toBe(400);
    expect((await stack.json(`/api/companies/${companyId}/refresh/bills`, { method: 'POST', body: '{' })).status).toBe(400);
    expect(codatCalls(stack)).toBe(before);
  });

  it('passes Codat’s refusal through for a company with nothing linked', async () => {
    const refused = await stack.json(`/api/companies/${DEMO_FIXTURES.noConnections.companyId}/refresh/invoices`, { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('no linked data connections');
  });
});

describe('refresh actions under Codat faults', () => {
  let stack: Stack;
  // Oldest of the duplicate customer's companies: a Linked Xero connection.
  const other = DEMO_FIXTURES.duplicateCustomer.companyIds[0];
  const datasetCount = () => stack.emu.store.datasets.get(other)?.length ?? 0;
  const burst = () => ({ latencyMs: 0, errorRate: 0, errorStatus: 500 as const, burst: { status: 503 as const, count: 2 } });

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('recovers an idempotent GET from a burst of 503s', async () => {
    stack.emu.faults.settings = burst();
    const progress = await stack.json<SyncProgress>(`/api/companies/${other}/sync-progress`);
    expect(progress.status).toBe(200);
    expect(stack.emu.faults.settings.burst!.count).toBe(0);
  });

  it('does not repeat a refresh POST: one attempt, nothing queued, a clear 503 with Codat’s correlation id', async () => {
    const count = datasetCount();
    stack.emu.faults.settings = burst();
    const failed = await stack.json(`/api/companies/${other}/refresh`, { method: 'POST' });
    expect(failed.status).toBe(503);
    expect(failed.body.error).toMatchObject({ code: 'codat_unavailable', message: expect.stringContaining('Codat is unavailable') });
    expect(failed.body.error.codatCorrelationId).toMatch(/^[0-9a-f]{32}$/);
    // A retry would have used up the burst's second failure.
    expect(stack.emu.faults.settings.burst!.count).toBe(1);
    expect(datasetCount()).toBe(count);
    stack.emu.faults.reset();
  });

  it('queues one data type exactly once when the check before it had to be retried', async () => {
    const count = datasetCount();
    stack.emu.faults.settings = burst();
    const queued = await stack.json(`/api/companies/${other}/refresh/invoices`, { method: 'POST' });
    expect(queued.status).toBe(202);
    expect(stack.emu.faults.settings.burst!.count).toBe(0);
    expect(datasetCount()).toBe(count + 1);
  });
});
