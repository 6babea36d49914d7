import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { rows } from '../../mirror/db/sql.js';
import type { FleetHealth } from './schemas.js';
import { DAY_MS } from '../../mirror/settings.js';


/** Each snapshot day in the range: when it was taken and whether it was rebuilt afterwards. */
export function snapshotDays(db: Db, from: string, to: string) {
  return rows<{ day: string; takenAt: string; reconstructed: boolean }>(
    db,
    sql`select day::text as day, to_char(taken_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "takenAt", reconstructed
        from mirror_snapshot_days where day >= ${from}::date and day <= ${to}::date order by day`,
  );
}

/**
 * Connection errors active at the end of each UTC day from `from` to `to`, in one pass over the
 * errors that were active at some point since `from`: each adds one on the day it began (or
 * `from`) and takes one away on the day it stopped being active, and a running sum counts them.
 */
export function activeErrorsPerDay(db: Db, from: string, to: string) {
  const start = sql`${from}::date`;
  return rows<{ day: string; errors: number }>(
    db,
    sql`with spans as (
          select greatest((coalesce(errored_at, first_seen_at) at time zone 'UTC')::date, ${start}) as began,
            case when active then null else (coalesce(resolved_at, inactive_since) at time zone 'UTC')::date end as ended
          from mirror_connection_errors
          where active or inactive_since >= ${start}
        ),
        changes as (
          select began as day, 1 as change from spans
          union all select greatest(ended, began), -1 from spans where ended is not null
        ),
        per_day as (select day, sum(change) as change from changes group by day)
        select to_char(d, 'YYYY-MM-DD') as day, (sum(coalesce(p.change, 0)) over (order by d))::int as errors
        from generate_series(${start}, ${to}::date, interval '1 day') as d
        left join per_day p on p.day = d::date
        order by d`,
  );
}

type SyncAge = FleetHealth['syncs']['linkedCompaniesBySyncAge'][number]['age'];

/** Companies with a Linked connection, by the age of Codat's last sync of them: one pass over the companies (see linked_connections). */
export function linkedCompaniesBySyncAge(db: Db, now: number) {
  const ago = (days: number) => sql`${new Date(now - days * DAY_MS).toISOString()}::timestamptz`;
  return rows<{ age: SyncAge; companies: number }>(
    db,
    sql`select case when c.last_sync_at is null then 'never' when c.last_sync_at >= ${ago(1)} then 'day' when c.last_sync_at >= ${ago(7)} then 'week'
            when c.last_sync_at >= ${ago(30)} then 'month' else 'older' end as age, count(*)::int as companies
        from mirror_companies c
        where c.deleted_at is null and c.linked_connections > 0
        group by 1`,
  );
}

/** Linked connections (and their companies) with an active error: reads that are failing (from the mirror_connections_failing index). */
export async function failingLinkedConnections(db: Db): Promise<{ connections: number; companies: number }> {
  const [row] = await rows<{ connections: number; companies: number }>(
    db,
    sql`select count(*)::int as connections, count(distinct company_id)::int as companies
        from mirror_connections where active_errors > 0 and status = 'Linked' and deleted_at is null`,
  );
  return row!;
}
