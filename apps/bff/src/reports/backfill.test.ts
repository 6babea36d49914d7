import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { DATABASE_KINDS } from '../../test/databases.js';
import { startStack, type Stack } from '../../test/stack.js';
import { isSandboxPlatform } from '../codat/sandbox-platforms.js';
import { backfillMonths } from '../mirror/db/backfill.js';
import { array, rows } from '../mirror/db/sql.js';
import { monthBounds, previousMonth } from './month.js';

describe.each(DATABASE_KINDS)('months before the first snapshot, reconstructed on %s', (database) => {
  let stack: Stack;
  /** How long the first pass offered to wait for requests in flight, each time it offered. */
  const requestsFirst: Array<number | undefined> = [];
  beforeAll(async () => {
    stack = await startStack({ database, settings: { mirror: TEST_MIRROR_SETTINGS } });
    await syncOnce(syncContext(stack, { yieldToRequests: async (maxWaitMs) => void requestsFirst.push(maxWaitMs) }));
    await syncOnce(syncContext(stack));
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  /** The seeded history at an instant: who existed, and who was Linked (a Deauthorized or Unlinked connection was, until its first active error or else its last sync). */
  function seededAt(endMs: number) {
    const connections = [...stack.emu.store.connections.values()].filter((c) => c.createdMs < endMs && !isSandboxPlatform(c.integrationKey));
    const statusAt = (c: (typeof connections)[number]) => {
      const activeErrors = c.errors.filter((e) => e.status === 'Active' && e.erroredOnUtc).map((e) => Date.parse(e.erroredOnUtc!));
      const stoppedMs = activeErrors.length > 0 ? Math.min(...activeErrors) : c.lastSyncMs;
      return (c.status === 'Deauthorized' || c.status === 'Unlinked') && stoppedMs !== undefined && stoppedMs > endMs ? 'Linked' : c.status;
    };
    return {
      companies: [...stack.emu.store.companies.values()].filter((c) => c.createdMs < endMs).length,
      connections: connections.length,
      ids: new Set(connections.map((c) => c.id)),
      linked: new Set(connections.filter((c) => statusAt(c) === 'Linked').map((c) => c.id)),
    };
  }

  /** Each of the 12 months before the current one as the seeded history says it was, one reconstructed snapshot each. */
  async function expectReconstructedFromTheSeed() {
    const current = new Date(stack.deps.now()).toISOString().slice(0, 7);
    let month = current;
    for (let i = 0; i < 12; i += 1) {
      month = previousMonth(month);
      const endMs = Date.parse(`${monthBounds(month).next}T00:00:00Z`);
      const truth = seededAt(endMs);
      const before = seededAt(Date.parse(`${month}-01T00:00:00Z`));
      const { body } = await stack.json(`/api/reports/connection-counts?month=${month}`);
      expect({ month, ...body.totals, new: body.changes.new, lost: body.changes.lost }).toMatchObject({
        month,
        companies: truth.companies,
        connectionsAtMonthEnd: truth.connections,
        billableConnections: truth.linked.size,
        ...(i < 11
          ? { new: [...truth.ids].filter((id) => !before.ids.has(id)).length, lost: [...before.linked].filter((id) => !truth.linked.has(id)).length }
          : {}),
      });
      expect(body.snapshots).toMatchObject({ days: 1, reconstructed: expect.stringMatching(/^Reconstructed from what Codat records/) });
    }
    const { body: now } = await stack.json(`/api/reports/connection-counts?month=${current}`);
    expect(now.snapshots).toMatchObject({ days: 1, reconstructed: null });
    return now;
  }

  it('fills the 12 months before the current one from the seeded history, by the same rules, marked reconstructed', async () => {
    await expectReconstructedFromTheSeed();
  });

  it('lets requests in flight go first before each month, as between the pass’s other steps', () => {
    const betweenChores = requestsFirst.filter((maxWaitMs) => maxWaitMs !== undefined && maxWaitMs >= 1000);
    expect(betweenChores.length).toBeGreaterThanOrEqual(12);
  });

  /** As a backfill that stopped before `months` leaves the mirror, with the current month's snapshot taken before them. */
  async function forgetMonths(months: string[]) {
    const current = new Date(stack.deps.now()).toISOString().slice(0, 7);
    for (const table of ['mirror_connection_months', 'mirror_company_months', 'mirror_reports']) {
      await stack.db.execute(sql`delete from ${sql.raw(table)} where month = any(${array(months, 'text')})`);
    }
    await stack.db.execute(sql`delete from mirror_snapshot_counts where to_char(day, 'YYYY-MM') = any(${array(months, 'text')})`);
    await stack.db.execute(sql`delete from mirror_snapshot_days where to_char(day, 'YYYY-MM') = any(${array(months, 'text')})`);
    // The current month's connections not yet told new from old.
    await stack.db.execute(sql`update mirror_connection_months set previous_status = null where month = ${current}`);
    await stack.db.execute(sql`delete from mirror_reports where month = ${current}`);
  }

  const reconstructedMonths = async () =>
    (
      await rows<{ months: string[] }>(
        stack.db,
        sql`select array_agg(distinct to_char(day, 'YYYY-MM') order by to_char(day, 'YYYY-MM') desc) as months from mirror_snapshot_days where reconstructed`,
      )
    )[0]!.months;

  it('keeps the months of a backfill that stopped part way, and the next pass fills the rest with the same figures', async () => {
    const current = new Date(stack.deps.now()).toISOString().slice(0, 7);
    const { body: before } = await stack.json(`/api/reports/connection-counts?month=${current}`);
    await forgetMonths((await reconstructedMonths()).slice(0, 6));

    const run = await syncOnce(syncContext(stack));
    expect(run.status).toBe('completed');
    const now = await expectReconstructedFromTheSeed();
    // The current month's new and lost connections counted against the month before it again.
    expect(now.changes).toEqual(before.changes);
  });

  /** The reconstructed snapshots as kept: each day's company counts, and its connections and companies per group. */
  const reconstructedSnapshots = async () => ({
    days: await rows(stack.db, sql`select day::text, companies, companies_without_connections from mirror_snapshot_days where reconstructed order by day`),
    counts: await rows(
      stack.db,
      sql`select c.day::text, c.status, c.platform_key, c.source_type, c.sandbox, c.connections, c.companies from mirror_snapshot_counts c
          join mirror_snapshot_days d on d.day = c.day and d.reconstructed order by 1, 2, 3, 4`,
    ),
  });

  it('adds up to the same months when each is built in pieces of a few connections and companies', async () => {
    const today = new Date(stack.deps.now()).toISOString().slice(0, 10);
    const { body: before } = await stack.json(`/api/reports/connection-counts?month=${today.slice(0, 7)}`);
    const snapshots = await reconstructedSnapshots();
    expect(stack.emu.store.companies.size).toBeGreaterThan(20);
    await forgetMonths(await reconstructedMonths());
    const [{ runId }] = (await rows<{ runId: number }>(stack.db, sql`select max(id)::int as "runId" from mirror_sync_runs`)) as [{ runId: number }];

    expect(await backfillMonths(stack.db, today, runId, undefined, { connections: 5, companies: 3 })).toHaveLength(12);
    expect(await reconstructedSnapshots()).toEqual(snapshots);
    const now = await expectReconstructedFromTheSeed();
    expect(now.changes).toEqual(before.changes);
  });
});
