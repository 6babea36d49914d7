import { z } from 'zod';
import type { Db } from '../db/database.js';
import type { BillableRule } from './billable-rule.js';
import { GONE } from './month-changes.js';
import { previousMonth } from './month.js';
import { shownConnectionCountsReport } from './stored-report.js';

export const TREND_MONTHS = 13;

export const trendMonthSchema = z.object({
  month: z.string(),
  /** The month's latest snapshot (null: the mirror has none for it). */
  snapshot: z.object({ days: z.number(), lastDay: z.string(), takenAt: z.string(), reconstructed: z.boolean() }).nullable(),
  /** The sync still makes the figures of the month's first snapshot: they read 0 until then. */
  beingMade: z.boolean(),
  billableConnections: z.number(),
  billableCompanies: z.number(),
  connectionsAtMonthEnd: z.number(),
  /** Connections by status on the month's latest snapshot, sandbox excluded. */
  byStatus: z.record(z.string(), z.number()),
  new: z.number(),
  lost: z.number(),
  relinked: z.number(),
});
export type TrendMonth = z.infer<typeof trendMonthSchema>;

/** The `count` months up to `last`, oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const months = [last];
  while (months.length < count) months.unshift(previousMonth(months[0]!));
  return months;
}

/** Each month's headline figures, from the same kept reports the month screen shows. */
export async function connectionTrend(db: Db, last: string, rule: BillableRule): Promise<TrendMonth[]> {
  const reports = await Promise.all(monthsUpTo(last, TREND_MONTHS).map((month) => shownConnectionCountsReport(db, month, rule)));
  return reports.map(({ month, snapshots, beingMade, totals, rows, changes }) => {
    const byStatus: Record<string, number> = {};
    for (const row of rows) if (row.status !== GONE) byStatus[row.status] = (byStatus[row.status] ?? 0) + row.connections;
    return {
      month,
      snapshot: snapshots && { days: snapshots.days, lastDay: snapshots.lastDay, takenAt: snapshots.takenAt, reconstructed: snapshots.reconstructed !== null },
      beingMade,
      billableConnections: totals?.billableConnections ?? 0,
      billableCompanies: totals?.billableCompanies ?? 0,
      connectionsAtMonthEnd: totals?.connectionsAtMonthEnd ?? 0,
      byStatus,
      new: changes?.new ?? 0,
      lost: changes?.lost ?? 0,
      relinked: changes?.relinked ?? 0,
    };
  });
}
