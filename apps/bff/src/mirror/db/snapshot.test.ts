import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorControl, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { DATABASE_KINDS } from '../../../test/databases.js';
import { startStack, type Stack } from '../../../test/stack.js';
import type { Db } from '../../db/database.js';
import { keepSnapshotReport } from '../../reports/stored-report.js';
import type { PassChores } from '../store.js';
import { buildNewDay } from './new-day.js';
import { takeDailySnapshot } from './snapshot.js';
import { rows } from './sql.js';

/** Every table a snapshot writes, as rows in key order. */
async function snapshotTables(db: Db) {
  return {
    days: await rows(db, sql`select day::text, taken_at::text, run_id, companies, companies_without_connections from mirror_snapshot_days order by day`),
    counts: await rows(db, sql`select day::text, status, platform_key, source_type, sandbox, connections, companies from mirror_snapshot_counts order by 1, 2, 3, 4`),
    connectionMonths: await rows(db, sql`select * from mirror_connection_months order by month, connection_id`),
    companyMonths: await rows(db, sql`select * from mirror_company_months order by month, company_id`),
  };
}

describe.each(DATABASE_KINDS)('replacing the day’s snapshot on %s', (database) => {
  let stack: Stack;
  const moveTo = (iso: string) => stack.emu.clock.advance(Date.parse(iso) - stack.emu.clock.now());
  const sync = async () => expect((await syncOnce(syncContext(stack))).status).toBe('completed');
  const snapshotOf = async (day: string) =>
    (await rows<{ runId: number; takenAt: string }>(stack.db, sql`select run_id::int as "runId", taken_at::text as "takenAt" from mirror_snapshot_days where day = ${day}::date`))[0]!;

  /**
   * The day's snapshot taken again whole (undone and added again for every connection), as it was
   * before change numbers: what replacing only the changed connections must have produced.
   */
  async function replacedWhole(day: string) {
    const { runId, takenAt } = await snapshotOf(day);
    await stack.db.execute(sql`update mirror_snapshot_days set change_seq = null where day = ${day}::date`);
    await stack.db.transaction((tx) => takeDailySnapshot(tx as unknown as Db, day, runId, new Date(takenAt)));
    await keepSnapshotReport(stack.db, day.slice(0, 7), TEST_MIRROR_SETTINGS.billableRule);
    return snapshotTables(stack.db);
  }

  /** The day's counts as written, and as the live connections in the mirror have them. */
  async function dayCounts(day: string) {
    const columns = sql`status, platform_key as "platformKey", source_type as "sourceType", sandbox, connections, companies`;
    return {
      written: await rows(stack.db, sql`select ${columns} from mirror_snapshot_counts where day = ${day}::date order by 1, 2, 3`),
      live: await rows(
        stack.db,
        sql`select ${columns} from (select status, platform_key, source_type, bool_or(sandbox) as sandbox, sum(connections)::int as connections, count(*)::int as companies
            from (select status, coalesce(platform_key, '') as platform_key, source_type, company_id, bool_or(sandbox) as sandbox, count(*) as connections
                  from mirror_connections where deleted_at is null group by 1, 2, 3, 4) as byCompany group by 1, 2, 3) as g order by 1, 2, 3`,
      ),
    };
  }

  /** Changes between two syncs of one day: of every kind a snapshot counts. */
  async function changeTheFleet(tag: string) {
    const { codat } = stack.deps;
    await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/${tag === 'first' ? 'deauthorize' : 'authorize'}`);
    const fresh = await codat.connections.create(F.noConnections.companyId, { platformKey: 'gbol' });
    await emulatorControl(stack, `/connections/${fresh.id}/authorize`);
    const [doomed] = [...stack.emu.store.connections.values()].filter((c) => c.companyId === F.bankFeedAccounts.companyId);
    if (doomed) await codat.connections.delete(doomed.companyId, doomed.id);
    await codat.companies.create({ name: `Added between syncs (${tag})` });
    if (tag === 'first') await codat.companies.delete(F.activeError.companyId);
  }

  beforeAll(async () => {
    stack = await startStack({ database, settings: { mirror: TEST_MIRROR_SETTINGS } });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('replaces only what changed since the earlier sync, with the tables replacing the whole day gives', async () => {
    const start = new Date(stack.emu.clock.now());
    const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    // The first day of a month (every connection's first day), then a later one.
    for (const [tag, day] of [['first', `${month}-01`], ['later', `${month}-02`]] as const) {
      moveTo(`${day}T09:00:00Z`);
      await sync();
      await changeTheFleet(tag);
      moveTo(`${day}T15:00:00Z`);
      await sync();
      const replaced = await snapshotTables(stack.db);
      expect(replaced.days.at(-1)).toMatchObject({ day, taken_at: expect.stringContaining('15:00:00') });
      const { written, live } = await dayCounts(day);
      expect(written.length).toBeGreaterThan(0);
      expect(written).toEqual(live);
      expect(await replacedWhole(day)).toEqual(replaced);
    }
  }, 60_000);

  it('leaves the tables as they are when nothing changed, and keeps the month’s report current', async () => {
    const before = await snapshotTables(stack.db);
    const month = new Date(stack.deps.now()).toISOString().slice(0, 7);
    const reportBefore = (await stack.json(`/api/reports/connection-counts?month=${month}`)).body as Record<string, unknown>;
    stack.emu.clock.advance(60 * 60_000);
    await sync();
    const after = await snapshotTables(stack.db);
    expect(after.connectionMonths).toEqual(before.connectionMonths);
    expect(after.companyMonths).toEqual(before.companyMonths);
    expect(after.counts).toEqual(before.counts);
    const [{ takenAt }] = (await rows<{ takenAt: string }>(
      stack.db,
      sql`select to_char(max(taken_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "takenAt" from mirror_snapshot_days`,
    )) as [{ takenAt: string }];
    const report = (await stack.json(`/api/reports/connection-counts?month=${month}`)).body as Record<string, unknown> & { snapshots: { takenAt: string } };
    expect(report.refreshedAt).toBe(takenAt);
    expect(report.snapshots.takenAt).toBe(takenAt);
    // The same numbers; only the times move on.
    const timeless = (body: Record<string, unknown>) => ({ ...body, refreshedAt: null, mirrorSyncedAt: null, snapshots: { ...(body.snapshots as object), takenAt: null } });
    expect(timeless(report)).toEqual(timeless(reportBefore));
  }, 30_000);

  it('leaves the company counts and possible duplicates be when only statuses and data syncs changed, and redoes them when a connection is added', async () => {
    const { codat } = stack.deps;
    const day = new Date(stack.emu.clock.now() + 86_400_000).toISOString().slice(0, 10);
    const duplicateGroups = async () => rows(stack.db, sql`select reason, key, company_ids from mirror_duplicate_groups order by reason, key`);
    /** The possible-duplicate groups the sync reports it looked for (none when it did not look). */
    const lookedForDuplicates = () => {
      const completed = stack.logLines.map((line) => JSON.parse(line) as { msg: string; duplicateGroups?: number }).findLast((line) => line.msg === 'mirror sync completed');
      return completed!.duplicateGroups;
    };
    moveTo(`${day}T09:00:00Z`);
    await sync();

    await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/deauthorize`);
    // Codat finished reading a company's data: its lastSync moves, which neither counts nor duplicates read.
    const synced = stack.emu.store.companies.get(F.pendingBankFeed.companyId)!;
    synced.lastSyncMs = stack.emu.clock.now();
    synced.lastSync = new Date(synced.lastSyncMs).toISOString();
    const groupsBefore = await duplicateGroups();
    moveTo(`${day}T12:00:00Z`);
    await sync();
    expect(lookedForDuplicates()).toBeUndefined();
    expect(await duplicateGroups()).toEqual(groupsBefore);
    const replaced = await snapshotTables(stack.db);
    expect(await replacedWhole(day)).toEqual(replaced);

    // A second connection to a platform the company already has: a possible duplicate, counted.
    const [single] = [...stack.emu.store.connections.values()].filter(
      (connection) => stack.emu.store.companies.get(connection.companyId)?.connectionIds.length === 1,
    );
    await codat.connections.create(single!.companyId, { platformKey: single!.integrationKey });
    moveTo(`${day}T15:00:00Z`);
    await sync();
    expect(lookedForDuplicates()).toEqual(expect.any(Number));
    expect(await duplicateGroups()).toContainEqual({ reason: 'samePlatform', key: `${single!.companyId}:${single!.integrationKey}`, company_ids: [single!.companyId] });
    const added = await snapshotTables(stack.db);
    expect(await replacedWhole(day)).toEqual(added);
  }, 60_000);

  it('answers the report as of the earlier snapshot while the new one is made, and makes it after a sync that stopped before it', async () => {
    const day = new Date(stack.emu.clock.now() + 86_400_000).toISOString().slice(0, 10);
    const nextDay = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
    const month = day.slice(0, 7);
    /** The month's report as kept (without what the route adds as it answers). */
    const report = async () => {
      const { mirrorSyncedAt: _, inProgress: __, beingMade: ___, ...kept } = (await stack.json(`/api/reports/connection-counts?month=${month}`)).body;
      return kept as { refreshedAt: string; snapshots: object };
    };
    const counts = () => rows(stack.db, sql`select * from mirror_snapshot_counts where day = ${day}::date order by status, platform_key, source_type`);
    moveTo(`${day}T09:00:00Z`);
    await sync();
    const earlier = { report: await report(), counts: await counts() };
    const linked = [...stack.emu.store.connections.values()].find((connection) => connection.status === 'Linked')!;
    await emulatorControl(stack, `/connections/${linked.id}/deauthorize`);
    moveTo(`${day}T12:00:00Z`);
    await sync();
    const later = { report: await report(), counts: await counts() };
    expect(later.counts).not.toEqual(earlier.counts);

    /** The day as a sync leaves it when it stops between the snapshot's transaction and the report. */
    async function stopBeforeTheReport() {
      await stack.db.execute(sql`update mirror_snapshot_days set pending = true where day = ${day}::date`);
      await stack.db.execute(sql`update mirror_reports set body = ${JSON.stringify(earlier.report)}::jsonb where month = ${month}`);
      await stack.db.execute(sql`delete from mirror_snapshot_counts where day = ${day}::date`);
      await stack.db.execute(sql`insert into mirror_snapshot_counts select * from jsonb_populate_recordset(null::mirror_snapshot_counts, ${JSON.stringify(earlier.counts)}::jsonb)`);
    }
    await stopBeforeTheReport();
    expect(await report()).toEqual(earlier.report);

    // Without an earlier report (as in the mirror's first load): the month's snapshots without figures, and no export of them.
    await stack.db.execute(sql`delete from mirror_reports where month = ${month}`);
    const beingMade = await stack.json(`/api/reports/connection-counts?month=${month}`);
    expect(beingMade.body).toMatchObject({ beingMade: true, refreshedAt: null, totals: null, rows: [], changes: null, snapshots: later.report.snapshots });
    const refused = await stack.json(`/api/reports/connection-counts/export?month=${month}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('still being made');
    const trend = await stack.json(`/api/reports/connection-counts/trend?month=${month}`);
    expect(trend.body.months.at(-1)).toMatchObject({ month, beingMade: true, billableConnections: 0, snapshot: { lastDay: day } });

    // The next pass (nothing changed since) makes the report and the day's counts.
    moveTo(`${day}T15:00:00Z`);
    await sync();
    const { refreshedAt, ...figures } = await report();
    expect(refreshedAt).toContain('T15:00:00');
    const { refreshedAt: __, ...laterFigures } = later.report;
    expect(figures).toEqual({ ...laterFigures, snapshots: { ...later.report.snapshots, takenAt: refreshedAt } });
    expect(await counts()).toEqual(later.counts);

    // The next day's first pass makes the stopped day's counts before it rolls the month on.
    await stopBeforeTheReport();
    moveTo(`${nextDay}T09:00:00Z`);
    await sync();
    expect(await counts()).toEqual(later.counts);
    expect(await rows(stack.db, sql`select day::text from mirror_snapshot_days where pending`)).toEqual([]);
  }, 60_000);

  it("builds a day's first snapshot in pieces to the rows rolling the month forward in one transaction gives", async () => {
    const day = new Date(stack.emu.clock.now() + 86_400_000).toISOString().slice(0, 10);
    moveTo(`${day}T09:00:00Z`);
    // Connections new to the month, gone from it, and changed since the month's last day.
    await changeTheFleet('later');
    const ctx = syncContext(stack);
    const noChores: PassChores = { snapshot: 'unchanged', reconstructedMonths: 0, indexesRebuilt: 0, searchIndexBuilt: false };
    const paged = await syncOnce({ ...ctx, store: { ...ctx.store, finishPass: async () => noChores } });
    expect(paged.status).toBe('completed');
    const at = new Date(stack.emu.clock.now());

    // The month rolled forward in place, in a transaction rolled back: the rows the build must give.
    let inPlace: Awaited<ReturnType<typeof snapshotTables>> | undefined;
    const rolledBack = new Error('rolled back');
    await stack.db
      .transaction(async (tx) => {
        await takeDailySnapshot(tx as unknown as Db, day, paged.id, at);
        inPlace = await snapshotTables(tx as unknown as Db);
        throw rolledBack;
      })
      .catch((error: unknown) => expect(error).toBe(rolledBack));
    expect(inPlace!.days.at(-1)).toMatchObject({ day });

    const newDay = await buildNewDay(stack.db, day, { connections: 3, companies: 2 });
    expect(await snapshotTables(stack.db)).not.toEqual(inPlace);
    await stack.db.transaction((tx) => takeDailySnapshot(tx as unknown as Db, day, paged.id, at, newDay));
    expect(await snapshotTables(stack.db)).toEqual(inPlace);
  }, 60_000);
});
