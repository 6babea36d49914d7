import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { mirrorReports, mirrorSnapshotCounts } from '../db/schema/mirror.js';
import type { BillableRule } from './billable-rule.js';
import { rows, withLargeWorkMem } from '../mirror/db/sql.js';
import { connectionCountsReport, dayCountsFromMonth, reportWithoutFigures, snapshotSpan, type DayCount, type StoredReport } from './connection-counts.js';

async function keep(db: Db, rule: BillableRule, report: StoredReport): Promise<void> {
  if (!report.snapshots) return;
  const row = { month: report.month, rule, lastDay: report.snapshots.lastDay, computedAt: new Date(), body: report };
  await db
    .insert(mirrorReports)
    .values(row)
    .onConflictDoUpdate({ target: [mirrorReports.month, mirrorReports.rule], set: { lastDay: row.lastDay, computedAt: row.computedAt, body: row.body } });
}

/**
 * Computes the month's report as of its latest snapshot and keeps it: a report only changes when
 * a snapshot is taken or replaced, and on a large fleet computing it takes seconds (with the
 * default 4 MB its sorts and hashes of a month's connections would spill to temporary files).
 * In one transaction, so its parts agree even while a sync writes.
 */
export async function refreshStoredReport(db: Db, month: string, rule: BillableRule): Promise<StoredReport> {
  const { report } = await withLargeWorkMem(db, (tx) => connectionCountsReport(tx, month, rule));
  await keep(db, rule, report);
  return report;
}

/**
 * When a snapshot replaces the day's earlier one without changing anything it counts (see
 * takeDailySnapshot): the month's reports kept as of the earlier one hold the same numbers, now
 * as of the new one. Reports kept as of anything else are left to be computed again.
 */
export async function restampStoredReports(db: Db, month: string, from: Date, to: Date): Promise<void> {
  const at = JSON.stringify(to.toISOString());
  await db.execute(sql`update mirror_reports set body = jsonb_set(jsonb_set(body, '{refreshedAt}', ${at}::jsonb), '{snapshots,takenAt}', ${at}::jsonb)
    where month = ${month} and body ->> 'refreshedAt' = ${from.toISOString()}`);
}

/** The month's report kept under `rule`, and whether it is as of the snapshot taken at `takenMs`. */
async function keptReport(db: Db, month: string, rule: BillableRule, takenMs: number | null) {
  const [kept] = await db.select().from(mirrorReports).where(and(eq(mirrorReports.month, month), eq(mirrorReports.rule, rule)));
  const body = kept?.body as unknown as StoredReport | undefined;
  return { body, current: body?.refreshedAt != null && takenMs !== null && Date.parse(body.refreshedAt) === takenMs };
}

/** The month's report: the kept one when it is as of the month's latest snapshot (same day, same sync), else computed now (and kept). */
export async function storedConnectionCountsReport(db: Db, month: string, rule: BillableRule): Promise<StoredReport> {
  const { takenMs } = await snapshotSpan(db, month);
  const { body, current } = await keptReport(db, month, rule, takenMs);
  return current ? body! : refreshStoredReport(db, month, rule);
}

/** The month's report as screens show it; `beingMade`: the sync still makes the figures of its first snapshot. */
export type ShownReport = StoredReport & { beingMade: boolean };

/**
 * The month's report for the screens: as storedConnectionCountsReport, except while the sync still
 * makes the report of a snapshot it has just taken (pending). Then the kept one as of the snapshot
 * before, which says when that was taken; or, when there is none (the mirror's first load, a
 * month just reconstructed), the month without figures, `beingMade`. Computing it a second time
 * meanwhile would take seconds on a large fleet, and every other request would wait behind it.
 */
export async function shownConnectionCountsReport(db: Db, month: string, rule: BillableRule): Promise<ShownReport> {
  const span = await snapshotSpan(db, month);
  const { body, current } = await keptReport(db, month, rule, span.takenMs);
  if (current || (span.pending && body)) return { ...body!, beingMade: false };
  if (span.pending) return { ...reportWithoutFigures(month, rule, span), beingMade: true };
  return { ...(await refreshStoredReport(db, month, rule)), beingMade: false };
}

async function settleDay(tx: Db, day: string, counts: DayCount[]): Promise<void> {
  await tx.delete(mirrorSnapshotCounts).where(eq(mirrorSnapshotCounts.day, day));
  if (counts.length > 0) await tx.insert(mirrorSnapshotCounts).values(counts.map((count) => ({ day, ...count })));
  await tx.execute(sql`update mirror_snapshot_days set pending = false where day = ${day}::date`);
}

/**
 * Before a new day's snapshot rolls the month's rows past the month's latest day: that day's
 * counts, if a sync stopped before writing them, made from the rows now. Inside the snapshot's
 * transaction; the month's report is made after it in any case.
 */
export async function settlePendingDay(tx: Db, month: string): Promise<void> {
  const { pending, lastDay } = await snapshotSpan(tx, month);
  if (!pending || lastDay === null) return;
  await settleDay(tx, lastDay, await dayCountsFromMonth(tx, month, lastDay));
}

/**
 * After a sync's snapshot (mirror/db/store.ts): the day's counts and the month's kept report made
 * from it, and kept in one short transaction, if the snapshot still stands then; a later one makes
 * its own. `force`: even when the kept report is as of the month's latest snapshot (the month
 * before it was just filled in, so its changes count differently). The report is read in pieces,
 * outside a transaction: on embedded PGlite each piece holds the database for tens of
 * milliseconds, where the whole report held it for seconds at 100,000 companies; the months it
 * reads change only in the sync, which is the caller.
 */
export async function keepSnapshotReport(db: Db, month: string, rule: BillableRule, { force = false } = {}): Promise<void> {
  const { takenMs, pending } = await snapshotSpan(db, month);
  if (takenMs === null || (!pending && !force && (await keptReport(db, month, rule, takenMs)).current)) return;
  const { report, lastDayCounts } = await connectionCountsReport(db, month, rule, { inPieces: true });
  const { lastDay, takenAt } = report.snapshots!;
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [still] = await rows<{ pending: boolean }>(tx, sql`select pending from mirror_snapshot_days where day = ${lastDay}::date and taken_at = ${takenAt}::timestamptz for update`);
    if (!still) return;
    if (still.pending) await settleDay(tx, lastDay, lastDayCounts);
    await keep(tx, rule, report);
  });
}

/** The months with a snapshot still pending (normally none: a sync stopped between its snapshot and its report). */
export async function pendingMonths(db: Db): Promise<string[]> {
  const found = await rows<{ month: string }>(db, sql`select distinct to_char(day, 'YYYY-MM') as month from mirror_snapshot_days where pending order by 1`);
  return found.map((row) => row.month);
}
