import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rows } from '../mirror/db/sql.js';
import { billablePredicate, describeRule, type BillableRule } from './billable-rule.js';
import { monthCompanies, type MonthSpan } from './company-counts.js';
import { monthBounds, previousMonth } from './month.js';
import { RECONSTRUCTION_BASIS } from '../mirror/db/backfill.js';
import { changeCounts, GONE, type PlatformChangeCount } from './month-changes.js';
import type { ConnectionCountRow, ConnectionCountsReport } from './schemas.js';

/** A report as kept: what depends on when it is read (the mirror's last sync, the month having ended) is added then. */
export type StoredReport = Omit<ConnectionCountsReport, 'mirrorSyncedAt' | 'inProgress'>;

interface SnapshotSpan {
  days: number;
  firstDay: string | null;
  lastDay: string | null;
  /** When the month's latest snapshot was taken. */
  takenMs: number | null;
  firstTakenMs: number | null;
  reconstructed: boolean;
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The span's taking times, as the per-company rows need them. */
export const takenBetween = (span: SnapshotSpan): MonthSpan => ({ firstTakenAt: isoOrNull(span.firstTakenMs), lastTakenAt: isoOrNull(span.takenMs) });

export async function snapshotSpan(db: Db, month: string): Promise<SnapshotSpan> {
  const { start, next } = monthBounds(month);
  const [span] = await rows<SnapshotSpan>(
    db,
    sql`select count(*)::int as days, min(day)::text as "firstDay", max(day)::text as "lastDay",
          (extract(epoch from max(taken_at)) * 1000)::float8 as "takenMs", (extract(epoch from min(taken_at)) * 1000)::float8 as "firstTakenMs", coalesce(bool_or(reconstructed), false) as reconstructed
        from mirror_snapshot_days where day >= ${start}::date and day < ${next}::date`,
  );
  return span!;
}

interface AggregateRow extends ConnectionCountRow {
  total: boolean;
  billableCompanies: number;
}

/**
 * By status × platform × source type, and totals per sandbox flag. Companies are counted in hash
 * aggregations (the month's rows by group and company, then by group, or by company and then by
 * sandbox flag), as the day's counts are: distinct counts over grouping sets sorted every row.
 */
function aggregate(db: Db, month: string, rule: BillableRule, lastDay: string) {
  const billable = billablePredicate(rule, lastDay);
  return rows<AggregateRow>(
    db,
    sql`with g as materialized (
          select m.end_status, m.platform_key, m.source_type, m.sandbox, m.company_id, max(m.platform_name) as platform_name,
            count(*) as connections, count(*) filter (where ${billable}) as billable
          from (select *, case when last_day = ${lastDay}::date then last_status else ${GONE} end as end_status
                from mirror_connection_months where month = ${month}) as m
          group by m.end_status, m.platform_key, m.source_type, m.sandbox, m.company_id),
        companies as (select sandbox, sum(connections) as connections, sum(billable) as billable from g group by sandbox, company_id)
        select false as total, end_status as status, platform_key as "platformKey", max(platform_name) as "platformName", source_type as "sourceType", sandbox,
          sum(connections)::int as connections, count(*)::int as companies, sum(billable)::int as "billableConnections",
          (count(*) filter (where billable > 0))::int as "billableCompanies"
        from g group by end_status, platform_key, source_type, sandbox
        union all
        select true, null, null, null, null, sandbox, sum(connections)::int, count(*)::int, sum(billable)::int, (count(*) filter (where billable > 0))::int
        from companies group by sandbox
        order by 2, 3, 5`,
  );
}

/** Month over month against the previous month's last snapshot (see month-changes.ts). */
async function changes(db: Db, month: string, lastDay: string): Promise<ConnectionCountsReport['changes']> {
  const previous = previousMonth(month);
  const { lastDay: previousLastDay } = await snapshotSpan(db, previous);
  const platforms = await changeCounts(db, { month, lastDay, previousLastDay });
  const sum = (pick: (p: PlatformChangeCount) => number) => platforms.reduce((total, p) => total + pick(p), 0);
  return {
    previousMonth: previous,
    comparable: previousLastDay !== null,
    new: sum((p) => p.new),
    lost: sum((p) => p.lost),
    relinked: sum((p) => p.relinked),
    byPlatform: platforms,
  };
}

/** The finance audit of one month, computed from the daily snapshots (see mirror/db/snapshot.ts). */
export async function connectionCountsReport(db: Db, month: string, rule: BillableRule): Promise<StoredReport> {
  const span = await snapshotSpan(db, month);
  const base = { month, refreshedAt: isoOrNull(span.takenMs), billableRule: describeRule(rule) };
  if (!span.lastDay) return { ...base, snapshots: null, totals: null, rows: [], sandbox: [], changes: null, daily: [] };
  const { start, next } = monthBounds(month);
  // One statement after another: the sync computes this inside its snapshot's transaction (one connection).
  const aggregated = await aggregate(db, month, rule, span.lastDay);
  const [inMonth] = await rows<{ companies: number; withoutConnections: number }>(
    db,
    sql`select count(*)::int as companies, (count(*) filter (where m.connections = 0))::int as "withoutConnections" from ${monthCompanies(month, takenBetween(span))}`,
  );
  const [endOfMonth] = await rows<{ companies: number; companiesWithoutConnections: number }>(
    db,
    sql`select companies, companies_without_connections as "companiesWithoutConnections" from mirror_snapshot_days where day = ${span.lastDay}::date`,
  );
  const daily = await rows<{ day: string; status: string; connections: number }>(
    db,
    sql`select day::text as day, status, sum(connections)::int as connections from mirror_snapshot_counts
        where day >= ${start}::date and day < ${next}::date and not sandbox group by day, status order by day, status`,
  );
  const totalOf = (sandbox: boolean) => aggregated.find((row) => row.total && row.sandbox === sandbox);
  const detail = (sandbox: boolean): ConnectionCountRow[] =>
    aggregated
      .filter((row) => !row.total && row.sandbox === sandbox)
      .map(({ status, platformKey, platformName, sourceType, connections, companies, billableConnections }) => ({
        status, platformKey, platformName, sourceType, sandbox, connections, companies, billableConnections,
      }));
  const live = totalOf(false);
  const sandbox = totalOf(true);
  return {
    ...base,
    snapshots: {
      days: span.days,
      firstDay: span.firstDay!,
      lastDay: span.lastDay,
      takenAt: new Date(span.takenMs!).toISOString(),
      reconstructed: span.reconstructed ? RECONSTRUCTION_BASIS : null,
    },
    totals: {
      companies: endOfMonth!.companies,
      companiesWithoutConnections: endOfMonth!.companiesWithoutConnections,
      companiesInMonth: inMonth!.companies,
      companiesInMonthWithoutConnections: inMonth!.withoutConnections,
      connectionsSeen: live?.connections ?? 0,
      connectionsAtMonthEnd: detail(false).filter((row) => row.status !== GONE).reduce((sum, row) => sum + row.connections, 0),
      billableConnections: live?.billableConnections ?? 0,
      billableCompanies: live?.billableCompanies ?? 0,
      sandboxConnections: sandbox?.connections ?? 0,
      sandboxCompanies: sandbox?.companies ?? 0,
    },
    rows: detail(false),
    sandbox: detail(true),
    changes: await changes(db, month, span.lastDay),
    daily,
  };
}
