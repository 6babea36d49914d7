import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { array, rows } from '../../mirror/db/sql.js';
import { DAILY_HISTORY_DAYS, GROWING_HOURS, type DailyCompanies } from './find-incidents.js';
import { DAY_MS, HOUR_MS } from '../../mirror/settings.js';


/** Companies per group per UTC day (and each day's first error) over the days the incident finder reads. */
export async function dailyCompanies(db: Db, now: number): Promise<Map<string, DailyCompanies>> {
  const since = new Date(Date.parse(`${new Date(now).toISOString().slice(0, 10)}T00:00:00Z`) - DAILY_HISTORY_DAYS * DAY_MS).toISOString();
  const found = await rows<{ id: string; date: string; companies: number; firstMs: number }>(
    db,
    sql`select group_id as id, to_char(errored_at at time zone 'UTC', 'YYYY-MM-DD') as date, count(distinct company_id)::int as companies,
          (extract(epoch from min(errored_at)) * 1000)::float8 as "firstMs"
        from mirror_connection_errors
        where errored_at >= ${since}::timestamptz
        group by 1, 2`,
  );
  const byGroup = new Map<string, DailyCompanies>();
  for (const { id, date, companies, firstMs } of found) {
    const days = byGroup.get(id) ?? new Map();
    days.set(date, { companies, firstMs });
    byGroup.set(id, days);
  }
  return byGroup;
}

/** Companies hit in the last GROWING_HOURS and in the same span before, per group. */
export async function halfDayCompanies(db: Db, now: number, ids: readonly string[]): Promise<Map<string, { last: number; before: number }>> {
  const half = new Date(now - GROWING_HOURS * HOUR_MS).toISOString();
  const found = await rows<{ id: string; last: number; before: number }>(
    db,
    sql`select group_id as id,
          (count(distinct company_id) filter (where errored_at >= ${half}::timestamptz))::int as last,
          (count(distinct company_id) filter (where errored_at < ${half}::timestamptz))::int as before
        from mirror_connection_errors
        where group_id = any(${array(ids, 'text')}) and errored_at >= ${new Date(now - 2 * GROWING_HOURS * HOUR_MS).toISOString()}::timestamptz
        group by group_id`,
  );
  return new Map(found.map(({ id, ...counts }) => [id, counts]));
}
