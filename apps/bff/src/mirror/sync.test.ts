import { DEMO_FIXTURES as F, summarizeStore } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesSince, countsAdrift, emulatorControl, lastChangeId, mirrorCounts, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { startStack, type Stack } from '../../test/stack.js';
import { DATABASE_KINDS } from '../../test/databases.js';
import { rows } from './db/sql.js';
import type { PageProgress } from './store.js';
import { beginSync, continueSync, type SyncContext } from './sync.js';

/** Connections the emulator holds, by status: the ground truth a full sync must reproduce. */
function emulatorTruth(stack: Stack) {
  const summary = summarizeStore(stack.emu.store);
  const activeErrors = [...stack.emu.store.connections.values()].filter((c) => c.errors.some((e) => e.status === 'Active')).length;
  const byStatus = Object.fromEntries(Object.entries(summary.connectionsByStatus).filter(([, n]) => n > 0));
  return { companies: summary.companies, connections: summary.connections, activeErrors, byStatus };
}

const listCalls = (stack: Stack) => stack.metrics.codatCalls.get({ operation: 'companies.list', status: '200' });

describe.each(DATABASE_KINDS)('mirror sync on %s', (database) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ database, settings: { mirror: TEST_MIRROR_SETTINGS } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('a first sync pages through every company and records what already existed', async () => {
    const run = await syncOnce(syncContext(stack));
    const truth = emulatorTruth(stack);
    // Not measured: requests on PostgreSQL and on PGlite in the main thread do not wait in a background lane.
    expect(run).toMatchObject({ status: 'completed', pages: Math.ceil(truth.companies / 10), companies: truth.companies, connections: truth.connections, errors: [], longestHoldMs: null });
    expect(await mirrorCounts(stack)).toEqual(truth);
    expect(await countsAdrift(stack)).toEqual({ companies: 0, connections: 0 });
    const [kept] = await rows<{ linked: number; errors: number }>(stack.db, sql`select (select sum(linked_connections)::int from mirror_companies) as linked, (select sum(active_errors)::int from mirror_connections) as errors`);
    expect(kept).toEqual({ linked: truth.byStatus.Linked, errors: expect.any(Number) });
    expect(kept!.errors).toBeGreaterThan(0);
    const changes = await changesSince(stack);
    expect(changes.filter((c) => c.kind === 'company.created')).toHaveLength(truth.companies);
    expect(changes.every((c) => c.kind === 'error.resolved' || c.detail?.existedBeforeMirror === true)).toBe(true);
  });

  it('a second sync records transitions, errors appearing and resolving, and deleted companies', async () => {
    const before = await lastChangeId(stack);
    await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/deauthorize`);
    await emulatorControl(stack, `/connections/${F.activeError.connectionId}/authorize`);
    await stack.deps.codat.companies.delete(F.bankFeedAccounts.companyId);

    const run = await syncOnce(syncContext(stack));
    const changes = (await changesSince(stack, before)).map(({ kind, companyId, connectionId, fromStatus, toStatus }) => ({ kind, companyId, connectionId, fromStatus, toStatus }));
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: 'connection.status', companyId: F.duplicateCustomer.companyIds[0], connectionId: F.duplicateCustomer.connectionId, fromStatus: 'Linked', toStatus: 'Deauthorized' },
        { kind: 'error.appeared', companyId: F.duplicateCustomer.companyIds[0], connectionId: F.duplicateCustomer.connectionId, fromStatus: null, toStatus: null },
        { kind: 'connection.status', companyId: F.activeError.companyId, connectionId: F.activeError.connectionId, fromStatus: 'Deauthorized', toStatus: 'Linked' },
        { kind: 'error.resolved', companyId: F.activeError.companyId, connectionId: F.activeError.connectionId, fromStatus: null, toStatus: null },
        { kind: 'company.deleted', companyId: F.bankFeedAccounts.companyId, connectionId: null, fromStatus: null, toStatus: null },
        { kind: 'connection.deleted', companyId: F.bankFeedAccounts.companyId, connectionId: F.bankFeedAccounts.connectionId, fromStatus: 'Linked', toStatus: null },
      ]),
    );
    expect(changes).toHaveLength(6);
    expect(run).toMatchObject({ status: 'completed', changes: 6, deletedCompanies: 1 });
    expect(await mirrorCounts(stack)).toEqual(emulatorTruth(stack));
    expect(await countsAdrift(stack)).toEqual({ companies: 0, connections: 0 });
  });

  it('a sync that crashes after page 2 resumes from page 3 and loses nothing', async () => {
    await emulatorControl(stack, `/connections/${F.userCancelled.connectionId}/cancel`);
    const crashing = syncContext(stack, {
      afterPage: (_run, page) => {
        if (page === 2) throw new Error('process killed');
      },
    });
    const crashed = await syncOnce(crashing);
    expect(crashed).toMatchObject({ status: 'interrupted', lastPage: 2, pages: 2, errors: ['process killed'] });

    const calls = listCalls(stack);
    const resumed = await syncOnce(syncContext(stack));
    expect(resumed).toMatchObject({ id: crashed.id, status: 'completed', resumedCount: 1, pages: Math.ceil(stack.emu.store.companies.size / 10) });
    expect(listCalls(stack) - calls).toBe(resumed.pages - 2);
    expect(await mirrorCounts(stack)).toEqual(emulatorTruth(stack));
    expect(await countsAdrift(stack)).toEqual({ companies: 0, connections: 0 });
  });

  it('writes a page in slices: a crash between two of them resumes at that page, loses nothing and records no change twice', async () => {
    const before = await lastChangeId(stack);
    await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/authorize`);
    const sliced = syncContext(stack, { settings: { ...TEST_MIRROR_SETTINGS, sliceCompanies: 3 } });
    const slices: PageProgress[] = [];
    const crashing: SyncContext = {
      ...sliced,
      store: {
        ...sliced.store,
        applyPage: async (run, page) => {
          await sliced.store.applyPage(run, page);
          slices.push(page.progress);
          if (slices.filter((slice) => slice.page === 2).length === 2) throw new Error('process killed');
        },
      },
    };
    const crashed = await syncOnce(crashing);
    expect(crashed).toMatchObject({ status: 'interrupted', lastPage: 1, pages: 1, errors: ['process killed'] });
    expect(slices.map(({ page, pageDone, companies }) => ({ page, pageDone, companies }))).toEqual([
      { page: 1, pageDone: false, companies: 3 },
      { page: 1, pageDone: false, companies: 3 },
      { page: 1, pageDone: false, companies: 3 },
      { page: 1, pageDone: true, companies: 1 },
      { page: 2, pageDone: false, companies: 3 },
      { page: 2, pageDone: false, companies: 3 },
    ]);

    const resumed = await syncOnce(sliced);
    expect(resumed).toMatchObject({ id: crashed.id, status: 'completed', resumedCount: 1, pages: Math.ceil(stack.emu.store.companies.size / 10) });
    expect(await mirrorCounts(stack)).toEqual(emulatorTruth(stack));
    const changes = (await changesSince(stack, before)).map(({ kind, connectionId }) => `${kind} ${connectionId}`);
    expect(changes).toContain(`connection.status ${F.duplicateCustomer.connectionId}`);
    expect(new Set(changes).size).toBe(changes.length);
  });

  it('a replica that dies mid-run leaves the lease; another resumes the run once it expires', async () => {
    let clock = stack.deps.now();
    const now = () => clock;
    let wake!: () => void;
    const asleep = new Promise<void>((resolve) => (wake = resolve));
    const dying = syncContext(stack, { holder: 'replica-a', now, afterPage: (_run, page) => (page === 1 ? asleep : undefined) });
    const other = syncContext(stack, { holder: 'replica-b', now });

    const runA = (await beginSync(dying, 'schedule'))!;
    const stalled = continueSync(dying, runA);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await beginSync(other, 'schedule')).toBeUndefined();

    clock += TEST_MIRROR_SETTINGS.leaseTtlMs + 1;
    const runB = (await beginSync(other, 'schedule'))!;
    expect(runB).toMatchObject({ id: runA.id, resumedCount: 1, lastPage: 1 });
    expect(await continueSync(other, runB)).toMatchObject({ status: 'completed', holder: 'replica-b' });

    wake(); // replica A comes back: its next page is refused and the finished run is left alone
    expect(await stalled).toMatchObject({ status: 'completed', holder: 'replica-b' });
  });

  it('two replicas never sync at once', async () => {
    const active = new Set<string>();
    let overlap = false;
    const replica = (holder: string) =>
      syncContext(stack, {
        holder,
        afterPage: async () => {
          active.add(holder);
          if (active.size > 1) overlap = true;
          await new Promise((resolve) => setTimeout(resolve, 5));
          active.delete(holder);
        },
      });
    const [a, b] = [replica('replica-a'), replica('replica-b')];
    const begun = await Promise.all([beginSync(a, 'schedule'), beginSync(b, 'schedule')]);
    expect(begun.filter(Boolean)).toHaveLength(1);
    const winner = begun[0] ? a : b;
    const loser = begun[0] ? b : a;
    const running = continueSync(winner, (begun[0] ?? begun[1])!);
    expect(await beginSync(loser, 'schedule')).toBeUndefined();
    await running;
    expect(overlap).toBe(false);
    expect(await syncOnce(loser)).toMatchObject({ status: 'completed', holder: loser.holder });
  });

  it('leaves no dead rows of the companies a run saw: repeated syncs do not grow their table', async () => {
    const bytes = async () => (await rows<{ bytes: number }>(stack.db, sql`select pg_total_relation_size('mirror_sync_seen')::int as bytes`))[0]!.bytes;
    for (let i = 0; i < 2; i += 1) await syncOnce(syncContext(stack)); // past a first load, which notes nothing seen
    const settled = await bytes();
    for (let i = 0; i < 4; i += 1) await syncOnce(syncContext(stack));
    expect(await bytes()).toBe(settled);
  });

  // Waits out real Retry-After seconds, and is about paging, not storage: run once.
  it.runIf(database === 'pglite')('a 429 storm slows a sync down but loses nothing', { timeout: 20_000 }, async () => {
    const before = await lastChangeId(stack);
    const tooMany = () => stack.metrics.codatCalls.get({ operation: 'companies.list', status: '429' });
    const storms = tooMany();
    stack.emu.faults.settings = { latencyMs: 0, errorRate: 0, errorStatus: 500, burst: { status: 429, count: 5, retryAfterSeconds: 1 } };
    const started = Date.now();
    const run = await syncOnce(syncContext(stack, { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) })).finally(() => stack.emu.faults.reset());
    expect(run.status).toBe('completed');
    expect(tooMany() - storms).toBe(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await mirrorCounts(stack)).toEqual(emulatorTruth(stack));
    expect(await changesSince(stack, before)).toEqual([]);
  });

  it('a run keeps the longest hold of the database over the parts of it resumed', async () => {
    const { store } = syncContext(stack);
    const run = await store.startRun({ trigger: 'manual', holder: 'a', pageSize: 10, startedAt: new Date(stack.deps.now()) });
    await store.finishRun(run.id, 'a', { status: 'interrupted', finishedAt: new Date(stack.deps.now()), longestHoldMs: 1234.4 });
    await store.resumeRun(run.id, 'b');
    const finished = await store.finishRun(run.id, 'b', { status: 'completed', finishedAt: new Date(stack.deps.now()), longestHoldMs: 200 });
    expect(finished).toMatchObject({ status: 'completed', longestHoldMs: 1234 });
  });

  it('stops when Codat’s daily quota is nearly used up, and resumes later', async () => {
    stack.emu.rateLimiter.configure({ limit: 100, windowMs: 60_000 });
    // 1 request left after the first page: below the 2 % reserve.
    for (let i = 0; i < 98; i += 1) await stack.deps.codat.integrations.list({ pageSize: 1 });
    const stopped = await syncOnce(syncContext(stack));
    expect(stopped).toMatchObject({ status: 'interrupted', lastPage: 1 });
    expect(stopped.errors.at(-1)).toMatch(/quota/);
    stack.emu.rateLimiter.reset();
    expect(await syncOnce(syncContext(stack))).toMatchObject({ id: stopped.id, status: 'completed' });
  });
});
