import { and, eq } from 'drizzle-orm';
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

/** The month's report: the kept one when it is as of the month's latest snapshot (same day, same sync), else computed now (and kept). */
export async function storedConnectionCountsReport(db: Db, month: string, rule: BillableRule): Promise<StoredReport> {
  const [{ takenMs }, [kept]] = await Promise.all([
    snapshotSpan(db, month),
    db.select().from(mirrorReports).where(and(eq(mirrorReports.month, month), eq(mirrorReports.rule, rule))),
  ]);
  const body = kept?.body as unknown as StoredReport | undefined;
  const current = body?.refreshedAt != null && takenMs !== null && Date.parse(body.refreshedAt) === takenMs;
  return current ? body! : await refreshStoredReport(db, month, rule);
}
