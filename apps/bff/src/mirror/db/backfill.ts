import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { monthBounds, previousMonth } from '../../reports/month.js';
import { utcDay } from '../settings.js';
import { rollUpCompanies } from './snapshot.js';
import { LARGE_WORK_MEM, rows } from './sql.js';

/** What a reconstructed month is based on; reports state it. */
export const RECONSTRUCTION_BASIS =
  "Reconstructed from what Codat records, not from daily snapshots: each company's and connection's creation date, deletions the mirror saw, and, for connections now Deauthorized or Unlinked, the date of their first active error (else their last sync) as the day they stopped being Linked.";

/** How many months before the current one a new install fills in. */
const BACKFILL_MONTHS = 12;

/**
 * Fills the months before the first real snapshot (up to 12 back from `day`'s month) that have no
 * snapshot with one reconstructed snapshot at each month's end, computed by the same tables and
 * rules as real ones and flagged `reconstructed`. Real snapshots are never replaced by it.
 */
export async function backfillMonths(db: Db, day: string, runId: number): Promise<string[]> {
  const current = day.slice(0, 7);
  const [first] = await rows<{ month: string | null }>(db, sql`select to_char(min(day), 'YYYY-MM') as month from mirror_snapshot_days where not reconstructed`);
  const firstReal = first?.month ?? current;
  const months: string[] = [];
  for (let month = previousMonth(current); months.length < BACKFILL_MONTHS; month = previousMonth(month)) months.unshift(month);
  const filled: string[] = [];
  for (const month of months.filter((m) => m < firstReal)) {
    const { start, next } = monthBounds(month);
    const taken = await rows(db, sql`select 1 from mirror_snapshot_days where day >= ${start}::date and day < ${next}::date limit 1`);
    if (taken.length > 0) continue;
    await db.transaction((tx) => reconstructMonth(tx as unknown as Db, month, runId));
    filled.push(month);
  }
  return filled;
}

/** One snapshot at the month's end (its `taken_at`: the instant it stands for). */
async function reconstructMonth(db: Db, month: string, runId: number): Promise<void> {
  const { next } = monthBounds(month);
  const end = `${next}T00:00:00Z`;
  const day = utcDay(new Date(Date.parse(end) - 86_400_000));
  await db.execute(LARGE_WORK_MEM);
  // Each connection at the month's end: there if created before it and not deleted by then;
  // Linked then if it is Deauthorized or Unlinked now but stopped (first active error, else last sync) after it.
  const atEnd = sql`(select k.id, k.company_id, k.platform_key, k.platform_name, k.source_type, k.sandbox,
      case when k.status in ('Deauthorized', 'Unlinked')
             and coalesce((select min(e.errored_at) from mirror_connection_errors e where e.connection_id = k.id and e.active),
                          case when k.last_sync ~ '^\\d{4}-\\d{2}-\\d{2}T' then k.last_sync::timestamptz end) > ${end}::timestamptz
           then 'Linked' else k.status end as status
    from mirror_connections k
    where coalesce(k.created_at, k.first_seen_at) < ${end}::timestamptz and (k.deleted_at is null or k.deleted_at > ${end}::timestamptz)) as k`;
  await db.execute(sql`
    insert into mirror_snapshot_days (day, taken_at, run_id, companies, companies_without_connections, reconstructed)
    select ${day}::date, ${end}::timestamptz - interval '1 millisecond', ${runId}, count(*)::int,
      (count(*) filter (where not exists (select 1 from ${atEnd} where k.company_id = c.id)))::int, true
    from mirror_companies c
    where coalesce(c.created_at, c.first_seen_at) < ${end}::timestamptz and (c.deleted_at is null or c.deleted_at > ${end}::timestamptz)`);
  await db.execute(sql`
    insert into mirror_snapshot_counts (day, status, platform_key, source_type, sandbox, connections, companies)
    select ${day}::date, k.status, coalesce(k.platform_key, ''), k.source_type, bool_or(k.sandbox), count(*)::int, count(distinct k.company_id)::int
    from ${atEnd} group by k.status, coalesce(k.platform_key, ''), k.source_type`);
  await db.execute(sql`
    insert into mirror_connection_months (month, connection_id, company_id, platform_key, platform_name, source_type, sandbox,
      first_day, last_day, first_status, last_status, days_seen, days_linked, previous_status)
    select ${month}, k.id, k.company_id, k.platform_key, k.platform_name, k.source_type, k.sandbox, ${day}::date, ${day}::date, k.status, k.status,
      1, (k.status = 'Linked')::int, p.last_status
    from ${atEnd}
    left join mirror_connection_months p on p.month = ${previousMonth(month)} and p.connection_id = k.id`);
  await rollUpCompanies(db, month, day, false);
}
