import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { previousMonth } from '../../reports/month.js';
import { utcDay } from '../settings.js';
import { LARGE_WORK_MEM, rows } from './sql.js';

const monthOf = (day: string) => day.slice(0, 7);

/** What a completed sync did to its day's snapshot. */
export type SnapshotOutcome = 'taken' | 'replaced';

/**
 * The day's snapshot: the first completed sync of a UTC day takes it, each later one that day
 * replaces it (the day's contribution to each connection's month is undone, then added again), so
 * the month in progress reflects the latest sync; once the day is over nothing writes it again.
 * Counts by status × platform × source type, and each live connection's month rolled forward.
 * Call inside a transaction.
 */
export async function takeDailySnapshot(db: Db, day: string, runId: number, at: Date): Promise<SnapshotOutcome> {
  const month = monthOf(day);
  await db.execute(LARGE_WORK_MEM);
  const [day_] = await rows<{ replaced: boolean }>(
    db,
    sql`insert into mirror_snapshot_days (day, taken_at, run_id, companies, companies_without_connections)
        select ${day}::date, ${at.toISOString()}::timestamptz, ${runId}, count(*)::int, (count(*) filter (where k.company_id is null))::int
        from mirror_companies c
        left join (select distinct company_id from mirror_connections where deleted_at is null) as k on k.company_id = c.id
        where c.deleted_at is null
        on conflict (day) do update set taken_at = excluded.taken_at, run_id = excluded.run_id, companies = excluded.companies,
          companies_without_connections = excluded.companies_without_connections
        returning (xmax <> 0) as replaced`,
  );
  const replaced = day_!.replaced;
  if (replaced) await undoDay(db, month, day);
  await db.execute(sql`
    insert into mirror_snapshot_counts (day, status, platform_key, source_type, sandbox, connections, companies)
    select ${day}::date, status, coalesce(platform_key, ''), source_type, bool_or(sandbox), count(*)::int, count(distinct company_id)::int
    from mirror_connections where deleted_at is null group by status, coalesce(platform_key, ''), source_type`);
  const [previous] = await rows<{ day: string | null }>(
    db,
    sql`select max(day)::text as day from mirror_snapshot_days where day >= ${`${previousMonth(month)}-01`}::date and day < ${`${month}-01`}::date`,
  );
  await db.execute(sql`
    insert into mirror_connection_months (month, connection_id, company_id, platform_key, platform_name, source_type, sandbox,
      first_day, last_day, first_status, last_status, days_seen, days_linked, previous_status)
    select ${month}, c.id, c.company_id, c.platform_key, c.platform_name, c.source_type, c.sandbox, ${day}::date, ${day}::date, c.status, c.status,
      1, case when c.status = 'Linked' then 1 else 0 end, p.last_status
    from mirror_connections c
    left join mirror_connection_months p on p.month = ${previousMonth(month)} and p.connection_id = c.id and p.last_day = ${previous?.day ?? null}::date
    where c.deleted_at is null
    on conflict (month, connection_id) do update set company_id = excluded.company_id, platform_key = excluded.platform_key,
      platform_name = excluded.platform_name, source_type = excluded.source_type, sandbox = excluded.sandbox,
      before_last_day = mirror_connection_months.last_day, before_last_status = mirror_connection_months.last_status,
      last_day = excluded.last_day, last_status = excluded.last_status, days_seen = mirror_connection_months.days_seen + 1,
      days_linked = mirror_connection_months.days_linked + excluded.days_linked`);
  await rollUpCompanies(db, month, day, replaced);
  return replaced ? 'replaced' : 'taken';
}

/** Takes the day's earlier snapshot out of its month, so the day can be added again. */
async function undoDay(db: Db, month: string, day: string): Promise<void> {
  await db.execute(sql`delete from mirror_snapshot_counts where day = ${day}::date`);
  await db.execute(sql`delete from mirror_connection_months where month = ${month} and first_day = ${day}::date`);
  // Rows written before before_last_* existed fall back to their first day and status.
  await db.execute(sql`
    update mirror_connection_months set days_seen = days_seen - 1, days_linked = days_linked - (last_status = 'Linked')::int,
      last_day = coalesce(before_last_day, first_day), last_status = coalesce(before_last_status, first_status),
      before_last_day = null, before_last_status = null
    where month = ${month} and last_day = ${day}::date`);
}

/**
 * mirror_company_months for `month` from its connections, as of snapshot `day` (the month's latest).
 * `fresh`: the month has no company rows yet (a reconstructed month), so they are inserted without
 * checking each for an existing one.
 */
export async function rollUpCompanies(db: Db, month: string, day: string, replaced: boolean, fresh = false): Promise<void> {
  if (replaced) {
    // Companies whose every connection of the month appeared only in the replaced snapshot.
    await db.execute(sql`delete from mirror_company_months m where m.month = ${month}
      and not exists (select 1 from mirror_connection_months c where c.month = ${month} and c.company_id = m.company_id)`);
  }
  const linkedAtEnd = sql`not sandbox and last_day = ${day}::date and last_status = 'Linked'`;
  await db.execute(sql`
    insert into mirror_company_months (month, company_id, connections, linked_at_month_end, billable_linked_any_time,
      billable_linked_at_month_end, billable_linked_all_month, sandbox_connections, platforms)
    select month, company_id, count(*)::int, (count(*) filter (where ${linkedAtEnd}))::int,
      (count(*) filter (where not sandbox and days_linked > 0))::int,
      (count(*) filter (where ${linkedAtEnd}))::int,
      (count(*) filter (where not sandbox and days_linked > 0 and days_linked = days_seen))::int,
      (count(*) filter (where sandbox))::int,
      array_remove(array_agg(distinct platform_key order by platform_key), null)
    from mirror_connection_months where month = ${month} group by month, company_id
    ${fresh ? sql`` : sql`on conflict (month, company_id) do update set connections = excluded.connections, linked_at_month_end = excluded.linked_at_month_end,
      billable_linked_any_time = excluded.billable_linked_any_time, billable_linked_at_month_end = excluded.billable_linked_at_month_end,
      billable_linked_all_month = excluded.billable_linked_all_month, sandbox_connections = excluded.sandbox_connections,
      platforms = excluded.platforms`}`);
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
    connectionMonths: sql`delete from mirror_connection_months where month < ${monthOf(day)}`,
    companyMonths: sql`delete from mirror_company_months where month < ${monthOf(day)}`,
    reports: sql`delete from mirror_reports where month < ${monthOf(day)}`,
    seen: sql`delete from mirror_sync_seen where run_id not in (select id from mirror_sync_runs where status in ('running', 'interrupted'))`,
  };
  const removed: Record<string, number> = {};
  for (const [table, statement] of Object.entries(statements)) {
    const result = (await db.execute(statement)) as unknown as { rowCount?: number | null; affectedRows?: number };
    removed[table] = result.rowCount ?? result.affectedRows ?? 0;
  }
  return removed;
}
