/**
 * What a day's snapshot is made of, whether it rolls the month forward in place (snapshot.ts) or
 * into a table of its own (new-day.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { EVERY_KEY, inRange, type KeyRange } from '../../reports/key-ranges.js';
import { previousMonth } from '../../reports/month.js';
import { rows } from './sql.js';

export interface CompanyCounts {
  companies: number;
  withoutConnections: number;
}

/** Of the live companies (with ids in `range`), how many, and how many have no live connection. */
export async function companyCounts(db: Db, range: KeyRange = EVERY_KEY): Promise<CompanyCounts> {
  const [counts] = await rows<CompanyCounts>(
    db,
    sql`select count(*)::int as companies, (count(*) filter (where k.company_id is null))::int as "withoutConnections"
        from mirror_companies c
        left join (select distinct company_id from mirror_connections where deleted_at is null and ${inRange(sql`company_id`, range)}) as k on k.company_id = c.id
        where c.deleted_at is null and ${inRange(sql`c.id`, range)}`,
  );
  return counts!;
}

/** The highest change number of the mirror's connections (see mirror_connections.change_seq). */
export async function changeSeqThrough(db: Db): Promise<number> {
  const [{ through }] = (await rows<{ through: number }>(db, sql`select coalesce(max(change_seq), 0)::float8 as through from mirror_connections`)) as [{ through: number }];
  return through;
}

/** The last snapshot day of the month before `month`: whose rows tell a connection new to the month from one carried over. */
export async function previousMonthLastDay(db: Db, month: string): Promise<string | null> {
  const [previous] = await rows<{ day: string | null }>(
    db,
    sql`select max(day)::text as day from mirror_snapshot_days where day >= ${`${previousMonth(month)}-01`}::date and day < ${`${month}-01`}::date`,
  );
  return previous?.day ?? null;
}

/**
 * Company rows of `month` into `into`, rolled up from the connection rows in `from` (of the
 * companies `which` selects), as of snapshot `day`. `upsert`: rows may be there already.
 */
export function rollUp({ into, from, month, day, which, upsert }: { into: string; from: string; month: string; day: string; which: SQL; upsert: boolean }): SQL {
  const linkedAtEnd = sql`not sandbox and last_day = ${day}::date and last_status = 'Linked'`;
  return sql`
    insert into ${sql.identifier(into)} (month, company_id, connections, linked_at_month_end, billable_linked_any_time,
      billable_linked_at_month_end, billable_linked_all_month, sandbox_connections, platforms, platform_names)
    select month, company_id, count(*)::int, (count(*) filter (where ${linkedAtEnd}))::int,
      (count(*) filter (where not sandbox and days_linked > 0))::int,
      (count(*) filter (where ${linkedAtEnd}))::int,
      (count(*) filter (where not sandbox and days_linked > 0 and days_linked = days_seen))::int,
      (count(*) filter (where sandbox))::int,
      array_remove(array_agg(distinct platform_key order by platform_key), null),
      array_agg(distinct platform_name order by platform_name)
    from ${sql.identifier(from)} where month = ${month} and ${which} group by month, company_id
    ${upsert ? sql`on conflict (month, company_id) do update set connections = excluded.connections, linked_at_month_end = excluded.linked_at_month_end,
      billable_linked_any_time = excluded.billable_linked_any_time, billable_linked_at_month_end = excluded.billable_linked_at_month_end,
      billable_linked_all_month = excluded.billable_linked_all_month, sandbox_connections = excluded.sandbox_connections,
      platforms = excluded.platforms, platform_names = excluded.platform_names` : sql``}`;
}

