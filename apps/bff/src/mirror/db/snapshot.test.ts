import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorControl, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { DATABASE_KINDS } from '../../../test/databases.js';
import { startStack, type Stack } from '../../../test/stack.js';
import type { Db } from '../../db/database.js';
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
    return snapshotTables(stack.db);
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
});
