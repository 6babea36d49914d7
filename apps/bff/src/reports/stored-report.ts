import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { mirrorReports } from '../db/schema/mirror.js';
import type { BillableRule } from './billable-rule.js';
import { withLargeWorkMem } from '../mirror/db/sql.js';
import { connectionCountsReport, snapshotSpan, type StoredReport } from './connection-counts.js';

/**
 * Computes the month's report as of its latest snapshot and keeps it: a report only changes when
 * a snapshot is taken or replaced, and on a large fleet computing it takes seconds (with the
 * default 4 MB its sorts and hashes of a month's connections would spill to temporary files).
 */
export async function refreshStoredReport(db: Db, month: string, rule: BillableRule): Promise<StoredReport> {
  const report = await withLargeWorkMem(db, (tx) => connectionCountsReport(tx, month, rule));
  if (report.snapshots) {
    const row = { month, rule, lastDay: report.snapshots.lastDay, computedAt: new Date(), body: report };
    await db
      .insert(mirrorReports)
      .values(row)
      .onConflictDoUpdate({ target: [mirrorReports.month, mirrorReports.rule], set: { lastDay: row.lastDay, computedAt: row.computedAt, body: row.body } });
  }
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

/** The month's report: the kept one when it is as of the month's latest snapshot (same day, same sync), else computed now (and kept). */
export async function storedConnectionCountsReport(db: Db, month: string, rule: BillableRule): Promise<StoredReport> {
  const { takenMs } = await snapshotSpan(db, month);
  const [kept] = await db.select().from(mirrorReports).where(and(eq(mirrorReports.month, month), eq(mirrorReports.rule, rule)));
  const body = kept?.body as unknown as StoredReport | undefined;
  const current = body?.refreshedAt != null && takenMs !== null && Date.parse(body.refreshedAt) === takenMs;
  return current ? body! : await refreshStoredReport(db, month, rule);
}
