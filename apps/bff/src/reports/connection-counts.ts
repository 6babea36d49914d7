import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rows } from '../mirror/db/sql.js';
import { billablePredicate, describeRule, type BillableRule } from './billable-rule.js';
import { monthBounds, previousMonth } from './month.js';
import type { ConnectionCountRow, ConnectionCountsReport, PlatformChange } from './schemas.js';

/** Connections gone (deleted, or their company deleted) before the month's last snapshot. */
export const GONE = 'Deleted';

interface SnapshotSpan {
  days: number;
  firstDay: string | null;
  lastDay: string | null;
  takenMs: number | null;
}

export async function snapshotSpan(db: Db, month: string): Promise<SnapshotSpan> {
  const { start, next } = monthBounds(month);
  const [span] = await rows<SnapshotSpan>(
    db,
    sql`select count(*)::int as days, min(day)::text as "firstDay", max(day)::text as "lastDay",
          (extract(epoch from max(taken_at)) * 1000)::float8 as "takenMs"
        from mirror_snapshot_days where day >= ${start}::date and day < ${next}::date`,
  );
  return span!;
}

interface AggregateRow extends ConnectionCountRow {
  total: boolean;
  billableCompanies: number;
  fresh: number;
  stillLinked: number;
}

/** One pass over the month's rows: by status × platform × source type, and totals per sandbox flag. */
function aggregate(db: Db, month: string, rule: BillableRule, lastDay: string) {
  const billable = billablePredicate(rule, lastDay);
  return rows<AggregateRow>(
    db,
    sql`select grouping(m.platform_key) = 1 as total, m.end_status as status,
          m.platform_key as "platformKey", max(m.platform_name) as "platformName", m.source_type as "sourceType", m.sandbox,
          count(*)::int as connections, count(distinct m.company_id)::int as companies,
          (count(*) filter (where ${billable}))::int as "billableConnections",
          (count(distinct m.company_id) filter (where ${billable}))::int as "billableCompanies",
          (count(*) filter (where m.previous_status is null))::int as fresh,
          (count(*) filter (where m.previous_status = 'Linked' and m.last_day = ${lastDay}::date and m.last_status = 'Linked'))::int as "stillLinked"
        from (select *, case when last_day = ${lastDay}::date then last_status else ${GONE} end as end_status
              from mirror_connection_months where month = ${month}) as m
        group by grouping sets ((m.end_status, m.platform_key, m.source_type, m.sandbox), (m.sandbox))
        order by 2, m.platform_key, m.source_type`,
  );
}

/** Month-over-month, sandbox excluded: new (not in last month's final snapshot), lost (Linked then, not now), relinked. */
async function changes(db: Db, month: string, rows_: AggregateRow[]): Promise<ConnectionCountsReport['changes']> {
  const previous = previousMonth(month);
  const { lastDay: previousLastDay } = await snapshotSpan(db, previous);
  const { start, next } = monthBounds(month);
  const [linkedBefore, relinked] = await Promise.all([
    previousLastDay
      ? rows<{ platformKey: string; connections: number }>(
          db,
          sql`select platform_key as "platformKey", sum(connections)::int as connections from mirror_snapshot_counts
              where day = ${previousLastDay}::date and status = 'Linked' and not sandbox group by platform_key`,
        )
      : Promise.resolve([]),
    rows<{ platformKey: string; connections: number }>(
      db,
      sql`select coalesce(ch.platform_key, '') as "platformKey", count(distinct ch.connection_id)::int as connections
          from mirror_changes ch join mirror_connections k on k.id = ch.connection_id
          where ch.kind = 'connection.status' and ch.from_status in ('Deauthorized', 'Unlinked') and ch.to_status = 'Linked'
            and ch.occurred_at >= ${start}::timestamptz and ch.occurred_at < ${next}::timestamptz and not k.sandbox
          group by 1`,
    ),
  ]);
  const byPlatform = new Map<string, PlatformChange>();
  const entry = (key: string | null) => {
    const platformKey = key ?? '';
    let change = byPlatform.get(platformKey);
    if (!change) byPlatform.set(platformKey, (change = { platformKey: key || null, new: 0, lost: 0, relinked: 0 }));
    return change;
  };
  for (const row of rows_) {
    if (row.total || row.sandbox) continue;
    entry(row.platformKey).new += row.fresh;
    entry(row.platformKey).lost -= row.stillLinked;
  }
  for (const row of linkedBefore) entry(row.platformKey).lost += row.connections;
  for (const row of relinked) entry(row.platformKey).relinked += row.connections;
  const platforms = [...byPlatform.values()].filter((p) => p.new || p.lost || p.relinked).sort((a, b) => (a.platformKey ?? '').localeCompare(b.platformKey ?? ''));
  const sum = (pick: (p: PlatformChange) => number) => platforms.reduce((total, p) => total + pick(p), 0);
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
export async function connectionCountsReport(db: Db, month: string, rule: BillableRule, refreshedAt: string | null): Promise<ConnectionCountsReport> {
  const span = await snapshotSpan(db, month);
  const base = { month, refreshedAt, billableRule: describeRule(rule) };
  if (!span.lastDay) return { ...base, snapshots: null, totals: null, rows: [], sandbox: [], changes: null, daily: [] };
  const { start, next } = monthBounds(month);
  const [aggregated, [endOfMonth], daily] = await Promise.all([
    aggregate(db, month, rule, span.lastDay),
    rows<{ companies: number; companiesWithoutConnections: number }>(
      db,
      sql`select companies, companies_without_connections as "companiesWithoutConnections" from mirror_snapshot_days where day = ${span.lastDay}::date`,
    ),
    rows<{ day: string; status: string; connections: number }>(
      db,
      sql`select day::text as day, status, sum(connections)::int as connections from mirror_snapshot_counts
          where day >= ${start}::date and day < ${next}::date and not sandbox group by day, status order by day, status`,
    ),
  ]);
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
    snapshots: { days: span.days, firstDay: span.firstDay!, lastDay: span.lastDay, takenAt: new Date(span.takenMs!).toISOString() },
    totals: {
      companies: endOfMonth!.companies,
      companiesWithoutConnections: endOfMonth!.companiesWithoutConnections,
      connectionsSeen: live?.connections ?? 0,
      connectionsAtMonthEnd: detail(false).filter((row) => row.status !== GONE).reduce((sum, row) => sum + row.connections, 0),
      billableConnections: live?.billableConnections ?? 0,
      billableCompanies: live?.billableCompanies ?? 0,
      sandboxConnections: sandbox?.connections ?? 0,
      sandboxCompanies: sandbox?.companies ?? 0,
    },
    rows: detail(false),
    sandbox: detail(true),
    changes: await changes(db, month, aggregated),
    daily,
  };
}
