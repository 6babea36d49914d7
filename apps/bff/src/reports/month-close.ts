import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { financeMonthCloses } from '../db/schema/finance.js';
import { rows } from '../mirror/db/sql.js';
import type { BillableRule } from './billable-rule.js';
import { reconciliationSchema, type Reconciliation } from './reconcile.js';
import { connectionCountsReportSchema } from './schemas.js';

export const monthCloseSchema = z.object({
  month: z.string(),
  rule: z.string(),
  snapshotTakenAt: z.string(),
  closedByEmail: z.string(),
  closedAt: z.string(),
  report: connectionCountsReportSchema.omit({ mirrorSyncedAt: true, inProgress: true }),
  reconciliation: reconciliationSchema.nullable(),
  /** The month's data now differs from what was closed (a snapshot, a rule's billable set): the close stands, and says so. */
  changedSinceClose: z.boolean(),
});
export type MonthClose = z.infer<typeof monthCloseSchema>;

interface CloseRow {
  month: string;
  rule: BillableRule;
  snapshotTakenAt: Date;
  closedByEmail: string;
  closedAt: Date;
  report: Record<string, unknown>;
  reconciliation: Record<string, unknown> | null;
  billableFingerprint: string;
}

export async function findClose(db: Db, month: string): Promise<CloseRow | undefined> {
  const [row] = await db.select().from(financeMonthCloses).where(eq(financeMonthCloses.month, month));
  return row as CloseRow | undefined;
}

export function describeClose(row: CloseRow, fingerprintNow: string, snapshotTakenAtNow: string | null): MonthClose {
  return {
    month: row.month,
    rule: row.rule,
    snapshotTakenAt: row.snapshotTakenAt.toISOString(),
    closedByEmail: row.closedByEmail,
    closedAt: row.closedAt.toISOString(),
    report: row.report as unknown as MonthClose['report'],
    reconciliation: row.reconciliation as unknown as Reconciliation | null,
    changedSinceClose: fingerprintNow !== row.billableFingerprint || snapshotTakenAtNow !== row.snapshotTakenAt.toISOString(),
  };
}

/**
 * Closes the month unless someone already has: the insert and its audit entry commit together,
 * and the primary key lets exactly one of two concurrent closes insert.
 */
export async function insertClose(db: Db, row: CloseRow & { closedById: string | null }, recordAudit: (tx: Db) => Promise<unknown>): Promise<boolean> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const inserted = await rows(
      tx,
      sql`insert into finance_month_closes (month, rule, snapshot_taken_at, closed_by_id, closed_by_email, closed_at, report, reconciliation, billable_fingerprint)
          values (${row.month}, ${row.rule}, ${row.snapshotTakenAt.toISOString()}::timestamptz, ${row.closedById}, ${row.closedByEmail}, ${row.closedAt.toISOString()}::timestamptz,
            ${JSON.stringify(row.report)}::jsonb, ${row.reconciliation === null ? null : JSON.stringify(row.reconciliation)}::jsonb, ${row.billableFingerprint})
          on conflict (month) do nothing returning month`,
    );
    if (inserted.length === 0) return false;
    await recordAudit(tx);
    return true;
  });
}
