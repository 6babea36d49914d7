import { describeRule, type BillableRule } from './billable-rule.js';
import type { ConnectionCountsReport } from './schemas.js';

/** The comment rows of a month's exports: which month, snapshot and billable rule the rows come from, and what they count. */
export function monthPreamble(report: Pick<ConnectionCountsReport, 'month' | 'snapshots' | 'inProgress'>, rule: BillableRule, rows: string): string[] {
  const { key, description } = describeRule(rule);
  const { snapshots } = report;
  return [
    `${report.month}${report.inProgress ? ': month in progress, as of its latest snapshot (not its end)' : ''}`,
    snapshots
      ? `Snapshots: ${snapshots.days} daily from ${snapshots.firstDay} to ${snapshots.lastDay}; latest taken ${snapshots.takenAt}`
      : 'Snapshots: none this month',
    `Billable rule: ${key}: ${description}`,
    `Rows: ${rows}`,
  ];
}
