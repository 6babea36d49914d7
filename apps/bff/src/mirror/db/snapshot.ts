import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { DuplicatesAsOf } from '../../reports/duplicates.js';
import { monthOf, previousMonth } from '../../reports/month.js';
import { restampStoredReports, settlePendingDay } from '../../reports/stored-report.js';
import { utcDay } from '../settings.js';
import type { SnapshotOutcome } from '../store.js';
import { dropMonthsBefore, ensureMonthPartitions } from './month-partitions.js';
import { changeSeqThrough, companyCounts, previousMonthLastDay, rollUp, type CompanyCounts } from './month-rows.js';
import { publishNewDay, type NewDay } from './new-day.js';
import { LARGE_WORK_MEM, rows } from './sql.js';

/** The day's earlier snapshot, when a sync already took one today. */
interface EarlierSnapshot {
  takenMs: number;
  /** Null when it predates change numbers (migration 0010): it is then replaced whole. */
  changeSeq: number | null;
}

export interface DailySnapshot {
  outcome: SnapshotOutcome;
  /**
   * Whether a company, or which connections are live (with their company and platform), may have
   * changed since the day's earlier snapshot: what the day's company counts and the possible
   * duplicates read. When only statuses changed they stand as they are.
   */
  reshaped: boolean;
  /** The snapshot before this one, as of which the possible duplicates were last found: what changed since is looked at again. */
  duplicatesAsOf?: DuplicatesAsOf;
}

/**
 * The day's snapshot: the first completed sync of a UTC day takes it, each later one that day
 * replaces it, so the month in progress reflects the latest sync; once the day is over nothing
 * writes it again. Each live connection's month rolled forward, and the companies' months. A
 * replacement redoes only the connections whose change number is above the earlier snapshot's
 * (see mirror_connections.change_seq): on a large fleet where little changed between syncs it
 * takes milliseconds instead of rewriting every connection's month. The day's counts by status ×
 * platform × source type and the month's report are made from it afterwards, outside this
 * transaction (the day stays `pending` until then; see reports/stored-report.ts).
 * A day's first snapshot is built beforehand, outside this transaction (buildNewDay): this one
 * publishes it. Without a build (a day whose earlier snapshot predates change numbers) the month
 * is rolled forward here, in place. Call inside a transaction.
 */
export async function takeDailySnapshot(db: Db, day: string, runId: number, at: Date, newDay?: NewDay): Promise<DailySnapshot> {
  const month = monthOf(day);
  await db.execute(LARGE_WORK_MEM);
  // Connection writes wait until the snapshot commits, and the ones before it have committed: every
  // change numbered up to `through` is in the snapshot, every later one is numbered above it.
  await db.execute(sql`lock table mirror_connections in share mode`);
  const [earlier] = await rows<EarlierSnapshot>(
    db,
    sql`select (extract(epoch from taken_at) * 1000)::float8 as "takenMs", change_seq::float8 as "changeSeq" from mirror_snapshot_days where day = ${day}::date`,
  );
  const through = await changeSeqThrough(db);
  if (earlier?.changeSeq != null) {
    const replaced = { ...(await replaceChanged(db, month, day, earlier)), duplicatesAsOf: { takenAt: new Date(earlier.takenMs), changeSeq: earlier.changeSeq } };
    if (replaced.outcome === 'unchanged') await restampStoredReports(db, month, new Date(earlier.takenMs), at);
    const counts = replaced.reshaped ? companyCountsSet(await companyCounts(db)) : sql``;
    await db.execute(sql`update mirror_snapshot_days set taken_at = ${at.toISOString()}::timestamptz, run_id = ${runId}, change_seq = ${through},
        pending = pending or ${replaced.outcome !== 'unchanged'} ${counts}
      where day = ${day}::date`);
    return replaced;
  }
  if (!earlier) await settlePendingDay(db, month);
  if (!earlier && newDay) return publishNewDay(db, runId, at, newDay);
  await ensureMonthPartitions(db, month);
  const companies = await companyCounts(db);
  await db.execute(sql`
    insert into mirror_snapshot_days (day, taken_at, run_id, companies, companies_without_connections, change_seq, pending)
    values (${day}::date, ${at.toISOString()}::timestamptz, ${runId}, ${companies.companies}, ${companies.withoutConnections}, ${through}, true)
    on conflict (day) do update set taken_at = excluded.taken_at, run_id = excluded.run_id, companies = excluded.companies,
      companies_without_connections = excluded.companies_without_connections, change_seq = excluded.change_seq, pending = true`);
  if (earlier) await undoDay(db, month, day);
  await addDay(db, month, day, sql`true`);
  await rollUpCompanies(db, month, day, { replaced: earlier !== undefined });
  return { outcome: earlier ? 'replaced' : 'taken', reshaped: true };
}

const companyCountsSet = ({ companies, withoutConnections }: CompanyCounts) =>
  sql`, companies = ${companies}, companies_without_connections = ${withoutConnections}`;

/** The day added to the month of each live connection that `which` (over mirror_connections c) selects. */
async function addDay(db: Db, month: string, day: string, which: SQL): Promise<void> {
  const previousDay = await previousMonthLastDay(db, month);
  await db.execute(sql`
    insert into mirror_connection_months (month, connection_id, company_id, platform_key, platform_name, source_type, sandbox,
      first_day, last_day, first_status, last_status, days_seen, days_linked, previous_status)
    select ${month}, c.id, c.company_id, c.platform_key, c.platform_name, c.source_type, c.sandbox, ${day}::date, ${day}::date, c.status, c.status,
      1, case when c.status = 'Linked' then 1 else 0 end, p.last_status
    from mirror_connections c
    left join mirror_connection_months p on p.month = ${previousMonth(month)} and p.connection_id = c.id and p.last_day = ${previousDay}::date
    where c.deleted_at is null and ${which}
    on conflict (month, connection_id) do update set company_id = excluded.company_id, platform_key = excluded.platform_key,
      platform_name = excluded.platform_name, source_type = excluded.source_type, sandbox = excluded.sandbox,
      before_last_day = mirror_connection_months.last_day, before_last_status = mirror_connection_months.last_status,
      last_day = excluded.last_day, last_status = excluded.last_status, days_seen = mirror_connection_months.days_seen + 1,
      days_linked = mirror_connection_months.days_linked + excluded.days_linked`);
}

/** Takes the day's earlier snapshot out of its month (of the connections `which` selects), so the day can be added again. */
async function undoDay(db: Db, month: string, day: string, which: SQL = sql`true`): Promise<void> {
  await db.execute(sql`delete from mirror_connection_months m where month = ${month} and first_day = ${day}::date and ${which}`);
  // Rows written before before_last_* existed fall back to their first day and status.
  await db.execute(sql`
    update mirror_connection_months m set days_seen = days_seen - 1, days_linked = days_linked - (last_status = 'Linked')::int,
      last_day = coalesce(before_last_day, first_day), last_status = coalesce(before_last_status, first_status),
      before_last_day = null, before_last_status = null
    where month = ${month} and last_day = ${day}::date and ${which}`);
}

/**
 * Replaces the day's earlier snapshot for the connections changed since it; the others count as
 * they did. The same result as undoing the whole day and adding it again, in place: a connection
 * the earlier snapshot counted and that is still live only has its latest day's status and
 * attributes rewritten.
 */
async function replaceChanged(db: Db, month: string, day: string, earlier: EarlierSnapshot): Promise<DailySnapshot> {
  const changed = sql`c.change_seq > ${earlier.changeSeq}`;
  await db.execute(sql`create temp table snapshot_changed on commit drop as
    select c.id, c.company_id, c.status, c.platform_key, c.platform_name, c.source_type, c.sandbox, c.deleted_at is null as live
    from mirror_connections c where ${changed}`);
  const [{ count }] = (await rows<{ count: number }>(db, sql`select count(*)::int as count from snapshot_changed`)) as [{ count: number }];
  const companiesReshaped = await companiesReshapedSince(db, earlier.takenMs);
  if (count === 0 && !companiesReshaped) return { outcome: 'unchanged', reshaped: false };
  const reshaped = companiesReshaped || (await connectionsReshaped(db, month, day));
  // Their companies before and after, for the roll-up.
  await db.execute(sql`create temp table snapshot_companies on commit drop as
    select company_id from snapshot_changed union
    select m.company_id from mirror_connection_months m join snapshot_changed c on c.id = m.connection_id where m.month = ${month}`);
  await undoDay(db, month, day, sql`m.connection_id in (select id from snapshot_changed where not live)`);
  await db.execute(sql`
    update mirror_connection_months m set company_id = c.company_id, platform_key = c.platform_key, platform_name = c.platform_name,
      source_type = c.source_type, sandbox = c.sandbox,
      days_linked = m.days_linked - (m.last_status = 'Linked')::int + (c.status = 'Linked')::int, last_status = c.status,
      first_status = case when m.first_day = ${day}::date then c.status else m.first_status end,
      before_last_day = case when m.first_day = ${day}::date then null else coalesce(m.before_last_day, m.first_day) end,
      before_last_status = case when m.first_day = ${day}::date then null else coalesce(m.before_last_status, m.first_status) end
    from snapshot_changed c where c.live and m.month = ${month} and m.connection_id = c.id and m.last_day = ${day}::date`);
  await addDay(db, month, day, sql`c.id in (select id from snapshot_changed where live)
    and not exists (select 1 from mirror_connection_months m where m.month = ${month} and m.connection_id = c.id and m.last_day = ${day}::date)`);
  await rollUpCompanies(db, month, day, { replaced: true, companies: sql`(select company_id from snapshot_companies)` });
  return { outcome: 'replaced', reshaped };
}

/**
 * Whether a changed connection is gone, new to the day, or moved to another company or platform
 * since the earlier snapshot counted it (its month's row as of the day): read before the day is
 * replaced.
 */
async function connectionsReshaped(db: Db, month: string, day: string): Promise<boolean> {
  const [reshaped] = await rows(
    db,
    sql`select 1 from snapshot_changed c
        left join mirror_connection_months m on m.month = ${month} and m.connection_id = c.id and m.last_day = ${day}::date
        where not c.live or m.connection_id is null or m.company_id <> c.company_id or m.platform_key is distinct from c.platform_key
        limit 1`,
  );
  return reshaped !== undefined;
}

/**
 * Whether a company was reshaped since the earlier snapshot (created, deleted, renamed: what the
 * month's company counts and the possible duplicates read; a sync of its data is not). By the
 * writers' clocks, which the replicas keep in step as their leases need.
 */
async function companiesReshapedSince(db: Db, takenMs: number): Promise<boolean> {
  const [written] = await rows(db, sql`select 1 from mirror_companies where reshaped_at >= ${new Date(takenMs).toISOString()}::timestamptz limit 1`);
  return written !== undefined;
}

/**
 * mirror_company_months for `month` from its connections, as of snapshot `day` (the month's
 * latest): of every company, or of `companies` (a subquery of ids) when only theirs changed.
 */
export async function rollUpCompanies(
  db: Db,
  month: string,
  day: string,
  { replaced, companies }: { replaced: boolean; companies?: SQL },
): Promise<void> {
  // `= any(array(…))`, not `in (…)`: the planner cannot tell how few companies the subquery gives, and
  // would hash the month's every connection row to look up a hundred (0.18 s against 1 ms at 250,000).
  const ofCompanies = (column: SQL) => (companies ? sql`${column} = any(array${companies})` : sql`true`);
  if (replaced) {
    // Companies whose every connection of the month appeared only in the replaced snapshot.
    await db.execute(sql`delete from mirror_company_months m where m.month = ${month} and ${ofCompanies(sql`m.company_id`)}
      and not exists (select 1 from mirror_connection_months c where c.month = ${month} and c.company_id = m.company_id)`);
  }
  await db.execute(rollUp({ into: 'mirror_company_months', from: 'mirror_connection_months', month, day, which: ofCompanies(sql`company_id`), upsert: true }));
}

/** Removes history older than `before` (by when the mirror saw it). Notes are kept. */
export async function prune(db: Db, before: Date): Promise<Record<string, number>> {
  const cutoff = before.toISOString();
  const day = utcDay(before);
  const statements = {
    changes: sql`delete from mirror_changes where seen_at < ${cutoff}::timestamptz`,
    errors: sql`delete from mirror_connection_errors where not active and inactive_since < ${cutoff}::timestamptz`,
    connections: sql`delete from mirror_connections where deleted_at < ${cutoff}::timestamptz`,
    companies: sql`delete from mirror_companies where deleted_at < ${cutoff}::timestamptz`,
    runs: sql`delete from mirror_sync_runs where started_at < ${cutoff}::timestamptz and status <> 'running'`,
    snapshotDays: sql`delete from mirror_snapshot_days where day < ${day}::date`,
    snapshotCounts: sql`delete from mirror_snapshot_counts where day < ${day}::date`,
    reports: sql`delete from mirror_reports where month < ${monthOf(day)}`,
    seen: sql`delete from mirror_sync_seen where run_id not in (select id from mirror_sync_runs where status in ('running', 'interrupted'))`,
  };
  const removed: Record<string, number> = {};
  for (const [table, statement] of Object.entries(statements)) {
    const result = (await db.execute(statement)) as unknown as { rowCount?: number | null; affectedRows?: number };
    removed[table] = result.rowCount ?? result.affectedRows ?? 0;
  }
  const months = await dropMonthsBefore(db, monthOf(day));
  return { ...removed, connectionMonths: months.mirror_connection_months, companyMonths: months.mirror_company_months };
}
