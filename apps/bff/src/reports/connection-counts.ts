import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rows } from '../mirror/db/sql.js';
import { billablePredicate, DEFAULT_BILLABLE_RULE, describeRule, type BillableRule } from './billable-rule.js';
import { monthCompanies, type MonthSpan } from './company-counts.js';
import { monthBounds, previousMonth } from './month.js';
import { RECONSTRUCTION_BASIS } from '../mirror/db/backfill.js';
import { changeCounts, GONE, type PlatformChangeCount } from './month-changes.js';
import { EVERY_KEY, inRange, tableKeyRanges, type KeyRange } from './key-ranges.js';
import type { ConnectionCountRow, ConnectionCountsReport } from './schemas.js';

/** A report as kept: what depends on when it is read (the mirror's last sync, the month having ended, its figures being made) is added then. */
export type StoredReport = Omit<ConnectionCountsReport, 'mirrorSyncedAt' | 'inProgress' | 'beingMade'>;

export interface SnapshotSpan {
  days: number;
  firstDay: string | null;
  lastDay: string | null;
  /** When the month's latest snapshot was taken. */
  takenMs: number | null;
  firstTakenMs: number | null;
  reconstructed: boolean;
  /** A snapshot of the month awaits its day's counts and the month's kept report (mirror_snapshot_days.pending). */
  pending: boolean;
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The span's taking times, as the per-company rows need them. */
export const takenBetween = (span: SnapshotSpan): MonthSpan => ({ firstTakenAt: isoOrNull(span.firstTakenMs), lastTakenAt: isoOrNull(span.takenMs) });

export async function snapshotSpan(db: Db, month: string): Promise<SnapshotSpan> {
  const { start, next } = monthBounds(month);
  const [span] = await rows<SnapshotSpan>(
    db,
    sql`select count(*)::int as days, min(day)::text as "firstDay", max(day)::text as "lastDay",
          (extract(epoch from max(taken_at)) * 1000)::float8 as "takenMs", (extract(epoch from min(taken_at)) * 1000)::float8 as "firstTakenMs", coalesce(bool_or(reconstructed), false) as reconstructed, coalesce(bool_or(pending), false) as pending
        from mirror_snapshot_days where day >= ${start}::date and day < ${next}::date`,
  );
  return span!;
}

interface AggregateRow extends ConnectionCountRow {
  total: boolean;
  billableCompanies: number;
}

/**
 * Keys per piece when a report is computed in pieces: each statement reads about this many of a
 * month's rows. At 100,000 companies on PGlite, 2,500 companies a piece held the database for up
 * to 132 ms in a sync; 5,000 for up to 148 ms, and the whole report took no less (3.5 s, against
 * 1.7 s in one statement per part: each piece reads its companies' rows by index).
 */
export interface PieceSizes {
  companies: number;
  connections: number;
}

const PIECE_SIZES: PieceSizes = { companies: 2_500, connections: 10_000 };

/** The ranges of company and connection ids a report is computed in, one statement per range and part. */
interface Pieces {
  companies: KeyRange[];
  connections: KeyRange[];
}

const WHOLE: Pieces = { companies: [EVERY_KEY], connections: [EVERY_KEY] };

/** Ranges of about `size` of the month's keys in `column` of `table`, cut along its primary key. */
const monthKeyRanges = (db: Db, month: string, table: string, column: string, size: number) =>
  tableKeyRanges(db, { table, column, size, where: sql`month = ${month}` });

async function piecesOf(db: Db, month: string, sizes: PieceSizes): Promise<Pieces> {
  return {
    companies: await monthKeyRanges(db, month, 'mirror_company_months', 'company_id', sizes.companies),
    connections: await monthKeyRanges(db, month, 'mirror_connection_months', 'connection_id', sizes.connections),
  };
}

/**
 * By status × platform × source type, and totals per sandbox flag, of the companies in `range`.
 * Companies are counted in hash aggregations (the month's rows by group and company, then by
 * group, or by company and then by sandbox flag), as the day's counts are: distinct counts over
 * grouping sets sorted every row. Each company is in one range, so the ranges' figures add up.
 */
function aggregate(db: Db, month: string, rule: BillableRule, lastDay: string, range: KeyRange) {
  const billable = billablePredicate(rule, lastDay);
  return rows<AggregateRow>(
    db,
    sql`with g as materialized (
          select m.end_status, m.platform_key, m.source_type, m.sandbox, m.company_id, max(m.platform_name) as platform_name,
            count(*) as connections, count(*) filter (where ${billable}) as billable
          from (select *, case when last_day = ${lastDay}::date then last_status else ${GONE} end as end_status
                from mirror_connection_months where month = ${month} and ${inRange(sql`company_id`, range)}) as m
          group by m.end_status, m.platform_key, m.source_type, m.sandbox, m.company_id),
        companies as (select sandbox, sum(connections) as connections, sum(billable) as billable from g group by sandbox, company_id)
        select false as total, end_status as status, platform_key as "platformKey", max(platform_name) as "platformName", source_type as "sourceType", sandbox,
          sum(connections)::int as connections, count(*)::int as companies, sum(billable)::int as "billableConnections",
          (count(*) filter (where billable > 0))::int as "billableCompanies"
        from g group by end_status, platform_key, source_type, sandbox
        union all
        select true, null, null, null, null, sandbox, sum(connections)::int, count(*)::int, sum(billable)::int, (count(*) filter (where billable > 0))::int
        from companies group by sandbox`,
  );
}

/** Nulls last, as the database orders them. */
function byNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The ranges' figures added up, in status, platform, source type order. */
async function aggregateInPieces(db: Db, month: string, rule: BillableRule, lastDay: string, ranges: KeyRange[]): Promise<AggregateRow[]> {
  const merged = new Map<string, AggregateRow>();
  for (const range of ranges) {
    for (const row of await aggregate(db, month, rule, lastDay, range)) {
      const key = JSON.stringify([row.total, row.status, row.platformKey, row.sourceType, row.sandbox]);
      const into = merged.get(key);
      if (!into) {
        merged.set(key, row);
        continue;
      }
      into.connections += row.connections;
      into.companies += row.companies;
      into.billableConnections += row.billableConnections;
      into.billableCompanies += row.billableCompanies;
      if (row.platformName !== null && (into.platformName === null || row.platformName > into.platformName)) into.platformName = row.platformName;
    }
  }
  return [...merged.values()].sort((a, b) => byNullable(a.status, b.status) || byNullable(a.platformKey, b.platformKey) || byNullable(a.sourceType, b.sourceType));
}

/** The month's companies, and those of them without connections, added up over the ranges. */
async function companiesInMonth(db: Db, month: string, span: MonthSpan, ranges: KeyRange[]) {
  const total = { companies: 0, withoutConnections: 0 };
  for (const range of ranges) {
    const [counted] = await rows<typeof total>(
      db,
      sql`select count(*)::int as companies, (count(*) filter (where m.connections = 0))::int as "withoutConnections"
          from ${monthCompanies(month, span)} where ${inRange(sql`m.company_id`, range)}`,
    );
    total.companies += counted!.companies;
    total.withoutConnections += counted!.withoutConnections;
  }
  return total;
}

/** Month over month against the previous month's last snapshot (see month-changes.ts). */
async function changes(db: Db, month: string, lastDay: string, ranges: KeyRange[]): Promise<ConnectionCountsReport['changes']> {
  const previous = previousMonth(month);
  const { lastDay: previousLastDay } = await snapshotSpan(db, previous);
  const platforms = await changeCounts(db, { month, lastDay, previousLastDay }, ranges);
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

/** One row of a day's counts (mirror_snapshot_counts): `platformKey` is '' when Codat sent none. */
export interface DayCount {
  status: string;
  platformKey: string;
  sourceType: string;
  sandbox: boolean;
  connections: number;
  companies: number;
}

/**
 * The month's last snapshot day's counts, from the report's groups: the connections there that
 * day are the month's rows last seen on it, by their status then.
 */
function lastDayCounts(aggregated: AggregateRow[]): DayCount[] {
  const counts = new Map<string, DayCount>();
  for (const row of aggregated) {
    if (row.total || row.status === GONE) continue;
    const platformKey = row.platformKey ?? '';
    const key = JSON.stringify([row.status, platformKey, row.sourceType]);
    const into = counts.get(key);
    if (into) {
      into.connections += row.connections;
      into.companies += row.companies;
      into.sandbox ||= row.sandbox;
    } else counts.set(key, { status: row.status, platformKey, sourceType: row.sourceType!, sandbox: row.sandbox, connections: row.connections, companies: row.companies });
  }
  return [...counts.values()];
}

/** The counts of the month's last snapshot day, `lastDay`, from the month's rows alone: for a day whose counts a stopped sync never wrote. */
export async function dayCountsFromMonth(db: Db, month: string, lastDay: string): Promise<DayCount[]> {
  // The groups' connections and companies do not depend on the billable rule.
  return lastDayCounts(await aggregateInPieces(db, month, DEFAULT_BILLABLE_RULE, lastDay, [EVERY_KEY]));
}

/** Connections per status on each of the month's snapshots (sandbox excluded): the last day's from its counts as just computed. */
async function dailyTotals(db: Db, month: string, lastDay: string, lastCounts: DayCount[]): Promise<ConnectionCountsReport['daily']> {
  const { start } = monthBounds(month);
  const earlier = await rows<{ day: string; status: string; connections: number }>(
    db,
    sql`select day::text as day, status, sum(connections)::int as connections from mirror_snapshot_counts
        where day >= ${start}::date and day < ${lastDay}::date and not sandbox group by day, status order by day, status`,
  );
  const last = new Map<string, number>();
  for (const count of lastCounts) if (!count.sandbox) last.set(count.status, (last.get(count.status) ?? 0) + count.connections);
  const lastRows = [...last].sort(([a], [b]) => byNullable(a, b)).map(([status, connections]) => ({ day: lastDay, status, connections }));
  return [...earlier, ...lastRows];
}

export interface ComputedReport {
  report: StoredReport;
  /** The month's last snapshot day's counts, which mirror_snapshot_counts keeps once the sync has written them. */
  lastDayCounts: DayCount[];
}

function snapshotsOf(span: SnapshotSpan): NonNullable<StoredReport['snapshots']> {
  return {
    days: span.days,
    firstDay: span.firstDay!,
    lastDay: span.lastDay!,
    takenAt: new Date(span.takenMs!).toISOString(),
    reconstructed: span.reconstructed ? RECONSTRUCTION_BASIS : null,
  };
}

/** The month's report without figures: its snapshots as they stand, while the sync still makes their first report. */
export function reportWithoutFigures(month: string, rule: BillableRule, span: SnapshotSpan): StoredReport {
  return {
    month,
    refreshedAt: null,
    billableRule: describeRule(rule),
    snapshots: span.lastDay ? snapshotsOf(span) : null,
    totals: null,
    rows: [],
    sandbox: [],
    changes: null,
    daily: [],
  };
}

/**
 * The finance audit of one month, computed from the daily snapshots (see mirror/db/snapshot.ts).
 * `inPieces`: one statement per range of about 2,500 companies or 10,000 connections (or `sizes`),
 * so that on embedded PGlite (one statement at a time) a request waits for one piece at most; for
 * the sync, which reads months only it writes (outside a transaction, the pieces need that to
 * agree). Otherwise one statement per part, for a caller's transaction.
 */
export async function connectionCountsReport(
  db: Db,
  month: string,
  rule: BillableRule,
  { inPieces = false, sizes = PIECE_SIZES }: { inPieces?: boolean; sizes?: PieceSizes } = {},
): Promise<ComputedReport> {
  const span = await snapshotSpan(db, month);
  const base = { month, refreshedAt: isoOrNull(span.takenMs), billableRule: describeRule(rule) };
  if (!span.lastDay) return { report: { ...base, snapshots: null, totals: null, rows: [], sandbox: [], changes: null, daily: [] }, lastDayCounts: [] };
  const pieces = inPieces ? await piecesOf(db, month, sizes) : WHOLE;
  const aggregated = await aggregateInPieces(db, month, rule, span.lastDay, pieces.companies);
  const inMonth = await companiesInMonth(db, month, takenBetween(span), pieces.companies);
  const [endOfMonth] = await rows<{ companies: number; companiesWithoutConnections: number }>(
    db,
    sql`select companies, companies_without_connections as "companiesWithoutConnections" from mirror_snapshot_days where day = ${span.lastDay}::date`,
  );
  const counts = lastDayCounts(aggregated);
  const totalOf = (sandbox: boolean) => aggregated.find((row) => row.total && row.sandbox === sandbox);
  const detail = (sandbox: boolean): ConnectionCountRow[] =>
    aggregated
      .filter((row) => !row.total && row.sandbox === sandbox)
      .map(({ status, platformKey, platformName, sourceType, connections, companies, billableConnections }) => ({
        status, platformKey, platformName, sourceType, sandbox, connections, companies, billableConnections,
      }));
  const live = totalOf(false);
  const sandbox = totalOf(true);
  const report: StoredReport = {
    ...base,
    snapshots: snapshotsOf(span),
    totals: {
      companies: endOfMonth!.companies,
      companiesWithoutConnections: endOfMonth!.companiesWithoutConnections,
      companiesInMonth: inMonth.companies,
      companiesInMonthWithoutConnections: inMonth.withoutConnections,
      connectionsSeen: live?.connections ?? 0,
      connectionsAtMonthEnd: detail(false).filter((row) => row.status !== GONE).reduce((sum, row) => sum + row.connections, 0),
      billableConnections: live?.billableConnections ?? 0,
      billableCompanies: live?.billableCompanies ?? 0,
      sandboxConnections: sandbox?.connections ?? 0,
      sandboxCompanies: sandbox?.companies ?? 0,
    },
    rows: detail(false),
    sandbox: detail(true),
    changes: await changes(db, month, span.lastDay, pieces.connections),
    daily: await dailyTotals(db, month, span.lastDay, counts),
  };
  return { report, lastDayCounts: counts };
}
