import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { monthBounds, monthOf, previousMonth } from '../../reports/month.js';
import { utcDay } from '../settings.js';
import { deferIndexes, restoreIndexes } from './maintenance.js';
import { ensureMonthPartitions } from './month-partitions.js';
import { rollUpCompanies } from './snapshot.js';
import { rows, withLargeWorkMem } from './sql.js';

/** What a reconstructed month is based on; reports state it. */
export const RECONSTRUCTION_BASIS =
  "Reconstructed from what Codat records, not from daily snapshots: each company's and connection's creation date, deletions the mirror saw, and, for connections now Deauthorized or Unlinked, the date of their first active error (else their last sync) as the day they stopped being Linked.";

/** How many months before the current one a new install fills in. */
const BACKFILL_MONTHS = 12;

/**
 * Fills the months before the first real snapshot (up to 12 back from `day`'s month) that have no
 * snapshot with one reconstructed snapshot at each month's end, computed by the same tables and
 * rules as real ones and flagged `reconstructed`. Real snapshots are never replaced by it. Each
 * month is written in a transaction of its own, oldest first: a report sees a month whole or not
 * at all, and on embedded PGlite (one statement at a time) requests wait for one month's
 * statements at most, not for all twelve (46 s at 100,000 companies). A backfill that stops keeps
 * the months it wrote; the next completed pass fills the rest. On a large fleet the months are
 * millions of connection-month rows, so the table's secondary index is built once afterwards
 * instead of row by row.
 */
export async function backfillMonths(db: Db, day: string, runId: number, betweenMonths: () => Promise<void> = async () => undefined): Promise<string[]> {
  const current = monthOf(day);
  const [first] = await rows<{ month: string | null }>(db, sql`select to_char(min(day), 'YYYY-MM') as month from mirror_snapshot_days where not reconstructed`);
  const firstReal = first?.month ?? current;
  const months: string[] = [];
  for (let month = previousMonth(current); months.length < BACKFILL_MONTHS; month = previousMonth(month)) months.unshift(month);
  const taken = new Set(
    (await rows<{ month: string }>(db, sql`select distinct to_char(day, 'YYYY-MM') as month from mirror_snapshot_days where day >= ${monthBounds(months[0]!).start}::date`)).map(
      (row) => row.month,
    ),
  );
  const filled = months.filter((month) => month < firstReal && !taken.has(month));
  if (filled.length === 0) return [];
  await deferIndexes(db, BACKFILLED_TABLES);
  // Every month reads the same history: kept in a table of its own (not a temporary one, which on
  // PostgreSQL belongs to one pooled connection) for as long as the backfill runs.
  await db.execute(sql`drop table if exists mirror_backfill_connections`);
  await oneOff(db, (tx) => tx.execute(sql`create unlogged table mirror_backfill_connections as ${connectionHistory()}`));
  try {
    for (const month of filled) {
      await betweenMonths();
      // Before the month's transaction, not in it: on PostgreSQL creating a partition locks the
      // month tables against every read until its transaction ends (seconds, with the month's rows).
      await ensureMonthPartitions(db, month);
      await oneOff(db, async (tx) => {
        await reconstructMonth(tx, month, runId, filled.includes(previousMonth(month)));
        // The current month's connections told new from old once the month before it is there.
        if (month === previousMonth(current)) await linkToPreviousMonth(tx, current);
      });
    }
  } finally {
    await db.execute(sql`drop table if exists mirror_backfill_connections`);
  }
  await betweenMonths();
  await restoreIndexes(db);
  return filled;
}

const BACKFILLED_TABLES = ['mirror_connection_months'];

/** A transaction for the backfill's large one-off statements. */
function oneOff(db: Db, fn: (tx: Db) => Promise<unknown>): Promise<unknown> {
  return withLargeWorkMem(db, async (tx) => {
    // The planner's estimates for these statements are far above what they cost: compiling them would take longer.
    await tx.execute(sql`set local jit = off`);
    return fn(tx);
  });
}

/**
 * Each connection once, with what the months are reconstructed from: when it was there (created,
 * deleted) and, for one now Deauthorized or Unlinked, until when it was Linked (its first active
 * error, else its last sync). In connection-id order, as the month tables' keys are.
 */
function connectionHistory(): SQL {
  return sql`select k.id, k.company_id, k.platform_key, k.platform_name, k.source_type, k.sandbox, k.status,
      coalesce(k.created_at, k.first_seen_at) as born, k.deleted_at as gone,
      case when k.status in ('Deauthorized', 'Unlinked')
        then coalesce(e.first_error, case when k.last_sync ~ '^\\d{4}-\\d{2}-\\d{2}T' then k.last_sync::timestamptz end) end as linked_until
    from mirror_connections k
    left join (select connection_id, min(errored_at) as first_error from mirror_connection_errors where active group by connection_id) e on e.connection_id = k.id
    order by k.id`;
}

/**
 * The month's connections as the previous month's last snapshot saw them, once the backfill has
 * filled that month in (the month's snapshot was taken before it was): what tells new from old.
 */
async function linkToPreviousMonth(db: Db, month: string): Promise<void> {
  const previous = previousMonth(month);
  await db.execute(sql`update mirror_connection_months m set previous_status = p.last_status
    from mirror_connection_months p
    where m.month = ${month} and p.month = ${previous} and p.connection_id = m.connection_id
      and p.last_day = (select max(day) from mirror_snapshot_days where to_char(day, 'YYYY-MM') = ${previous})`);
}

/** Each connection as at `end` (`k`): there if created before it and not deleted by then; Linked then if it is Deauthorized or Unlinked now but stopped after it. */
const statusAt = (end: string) => sql`case when k.linked_until > ${end}::timestamptz then 'Linked' else k.status end`;
const thereAt = (end: string) => sql`k.born < ${end}::timestamptz and (k.gone is null or k.gone > ${end}::timestamptz)`;

/**
 * One snapshot at the month's end (its `taken_at`: the instant it stands for). Each connection's
 * status at the end of the month before is its row there (`previous_status`): when that month is
 * reconstructed in the same pass, it comes from the same history by the same rule, without reading
 * back the rows just written.
 */
async function reconstructMonth(db: Db, month: string, runId: number, previousFilled: boolean): Promise<void> {
  const { next } = monthBounds(month);
  const end = `${next}T00:00:00Z`;
  const previousEnd = `${month}-01T00:00:00Z`;
  const day = utcDay(new Date(Date.parse(end) - 86_400_000));
  const previous = previousFilled
    ? { status: sql`case when ${thereAt(previousEnd)} then ${statusAt(previousEnd)} end`, join: sql`` }
    : { status: sql`p.last_status`, join: sql`left join mirror_connection_months p on p.month = ${previousMonth(month)} and p.connection_id = k.id` };
  const atEnd = sql`(select k.id, k.company_id, k.platform_key, k.platform_name, k.source_type, k.sandbox, ${statusAt(end)} as status, ${previous.status} as previous_status
    from mirror_backfill_connections k ${previous.join} where ${thereAt(end)}) as k`;
  await db.execute(sql`
    insert into mirror_snapshot_days (day, taken_at, run_id, companies, companies_without_connections, reconstructed)
    select ${day}::date, ${end}::timestamptz - interval '1 millisecond', ${runId}, count(*)::int, (count(*) filter (where k.company_id is null))::int, true
    from mirror_companies c
    left join (select distinct k.company_id from ${atEnd}) as k on k.company_id = c.id
    where coalesce(c.created_at, c.first_seen_at) < ${end}::timestamptz and (c.deleted_at is null or c.deleted_at > ${end}::timestamptz)`);
  // Companies per group counted in two hash aggregations (by company, then by group): no sort of the month's connections.
  await db.execute(sql`
    insert into mirror_snapshot_counts (day, status, platform_key, source_type, sandbox, connections, companies)
    select ${day}::date, g.status, g.platform_key, g.source_type, bool_or(g.sandbox), sum(g.connections)::int, count(*)::int
    from (select k.status, coalesce(k.platform_key, '') as platform_key, k.source_type, k.company_id, bool_or(k.sandbox) as sandbox, count(*) as connections
          from ${atEnd} group by k.status, coalesce(k.platform_key, ''), k.source_type, k.company_id) as g
    group by g.status, g.platform_key, g.source_type`);
  await db.execute(sql`
    insert into mirror_connection_months (month, connection_id, company_id, platform_key, platform_name, source_type, sandbox,
      first_day, last_day, first_status, last_status, days_seen, days_linked, previous_status)
    select ${month}, k.id, k.company_id, k.platform_key, k.platform_name, k.source_type, k.sandbox, ${day}::date, ${day}::date, k.status, k.status,
      1, (k.status = 'Linked')::int, k.previous_status
    from ${atEnd}`);
  await rollUpCompanies(db, month, day, { replaced: false, fresh: true });
}
