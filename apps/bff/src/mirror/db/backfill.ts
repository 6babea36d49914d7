import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { mirrorSnapshotCounts } from '../../db/schema/mirror.js';
import type { DayCount } from '../../reports/connection-counts.js';
import { monthBounds, monthOf, previousMonth } from '../../reports/month.js';
import { utcDay } from '../settings.js';
import { inRange, tableKeyRanges, type KeyRange } from '../../reports/key-ranges.js';
import { analyzeBuiltTable, publishBuiltTable, startBuiltTable, type MonthPartitionedTable } from './month-partitions.js';
import { rollUp, type CompanyCounts } from './month-rows.js';
import type { BuildPieces } from './new-day.js';
import { rows } from './sql.js';

/** What a reconstructed month is based on; reports state it. */
export const RECONSTRUCTION_BASIS =
  "Reconstructed from what Codat records, not from daily snapshots: each company's and connection's creation date, deletions the mirror saw, and, for connections now Deauthorized or Unlinked, the date of their first active error (else their last sync) as the day they stopped being Linked.";

/** How many months before the current one a new install fills in. */
const BACKFILL_MONTHS = 12;

/**
 * Ids per piece of a reconstructed month: each statement writes about this many connections' rows,
 * or rolls up and counts about this many companies. At 100,000 companies each held embedded PGlite
 * for tens of milliseconds (pieces of 6,000 connections up to 130 ms), where a month in one
 * transaction held it for 1.5–2.4 s.
 */
const BACKFILL_PIECES: BuildPieces = { connections: 4_000, companies: 2_500 };

/**
 * Fills the months before the first real snapshot (up to 12 back from `day`'s month) that have no
 * snapshot with one reconstructed snapshot at each month's end, computed by the same tables and
 * rules as real ones and flagged `reconstructed`. Real snapshots are never replaced by it. Each
 * month is built in tables of its own, in pieces (BACKFILL_PIECES), and published whole in one
 * short transaction, oldest first: a report sees a month whole or not at all, and on embedded
 * PGlite (one statement at a time) requests wait for one piece at most. A backfill that stops
 * keeps the months it published; the next completed pass fills the rest.
 */
export async function backfillMonths(
  db: Db,
  day: string,
  runId: number,
  betweenMonths: () => Promise<void> = async () => undefined,
  sizes: BuildPieces = BACKFILL_PIECES,
): Promise<string[]> {
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
  try {
    const pieces = await keepConnectionHistory(db, sizes);
    for (const month of filled) {
      await betweenMonths();
      const built = await reconstructMonth(db, month, filled.includes(previousMonth(month)), pieces);
      await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        await publishReconstructedMonth(tx, built, runId);
        // The current month's connections told new from old once the month before it is there
        // (none to tell on a first load, whose day's snapshot is taken after the backfill).
        if (month === previousMonth(current)) await linkToPreviousMonth(tx, current);
      });
    }
  } finally {
    await dropHistory(db);
  }
  return filled;
}

/** Where a reconstructed month's pieces fall: ranges of connection ids, and of company ids. */
interface BackfillPieces {
  connections: KeyRange[];
  companies: KeyRange[];
}

/**
 * Each connection once, with what the months are reconstructed from: when it was there (created,
 * deleted) and, for one now Deauthorized or Unlinked, until when it was Linked (its first active
 * error, else its last sync). Every month reads it: kept in tables of their own (not temporary
 * ones, which on PostgreSQL belong to one pooled connection) for as long as the backfill runs,
 * twice: in connection order, for the month's connection rows, which the month table keeps in that
 * order; and in company order, for its company rows and counts. Either way a piece's rows lie next
 * to each other: read through an index from the other order, each piece of 2,500 companies read
 * about 4,900 pages, and a month took 3–5 s in all at 100,000 companies on embedded PGlite.
 */
async function keepConnectionHistory(db: Db, sizes: BuildPieces): Promise<BackfillPieces> {
  await dropHistory(db);
  await db.execute(sql`create unlogged table ${HISTORY.byConnection} as ${connectionHistory(sql`false`, sql`false`)} with no data`);
  await db.execute(sql`create unlogged table ${HISTORY.byCompany} as table ${HISTORY.byConnection} with no data`);
  for (const [table, key] of [[HISTORY.byConnection, 'id'], [HISTORY.byConnection, 'company_id'], [HISTORY.byCompany, 'company_id']] as const) {
    await db.execute(sql`create index on ${table} (${sql.identifier(key)})`);
  }
  const connections = await tableKeyRanges(db, { table: 'mirror_connections', column: 'id', size: sizes.connections });
  for (const piece of connections) {
    await db.execute(sql`insert into ${HISTORY.byConnection} ${connectionHistory(inRange(sql`id`, piece), inRange(sql`connection_id`, piece))} order by k.id`);
  }
  const companies = await tableKeyRanges(db, { table: 'mirror_companies', column: 'id', size: sizes.companies });
  for (const piece of companies) {
    await db.execute(sql`insert into ${HISTORY.byCompany} select * from ${HISTORY.byConnection} where ${inRange(sql`company_id`, piece)} order by company_id, id`);
  }
  return { connections, companies };
}

const HISTORY = { byConnection: sql.identifier('mirror_backfill_connections'), byCompany: sql.identifier('mirror_backfill_companies') };

async function dropHistory(db: Db): Promise<void> {
  for (const table of Object.values(HISTORY)) await db.execute(sql`drop table if exists ${table}`);
}

/** The history of the connections `connections` selects (on mirror_connections), given `errors`, the same selection on their errors. */
function connectionHistory(connections: SQL, errors: SQL): SQL {
  return sql`select k.id, k.company_id, k.platform_key, k.platform_name, k.source_type, k.sandbox, k.status,
      coalesce(k.created_at, k.first_seen_at) as born, k.deleted_at as gone,
      case when k.status in ('Deauthorized', 'Unlinked')
        then coalesce(e.first_error, case when k.last_sync ~ '^\\d{4}-\\d{2}-\\d{2}T' then k.last_sync::timestamptz end) end as linked_until
    from (select * from mirror_connections where ${connections}) k
    left join (select connection_id, min(errored_at) as first_error from mirror_connection_errors where active and ${errors} group by connection_id) e on e.connection_id = k.id`;
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

/** A reconstructed month built and not yet published: its tables, and the counts of its snapshot. */
interface ReconstructedMonth {
  month: string;
  day: string;
  /** The instant the snapshot stands for: the month's end. */
  end: string;
  companies: CompanyCounts;
  groups: Map<string, DayCount>;
  tables: Record<MonthPartitionedTable, string>;
}

/**
 * One snapshot at the month's end (its `taken_at`: the instant it stands for), built a piece at a
 * time: the month's connection rows in a table of their own, a piece of connections a statement;
 * then its company rows in another and its counts added up, a piece of companies a statement (a
 * company's connections all fall in its piece). Each connection's status at the end of the month
 * before is its row there (`previous_status`): when that month is reconstructed in the same pass,
 * it comes from the same history by the same rule, without reading back the rows just written.
 */
async function reconstructMonth(db: Db, month: string, previousFilled: boolean, pieces: BackfillPieces): Promise<ReconstructedMonth> {
  const { next } = monthBounds(month);
  const end = `${next}T00:00:00Z`;
  const previousEnd = `${month}-01T00:00:00Z`;
  const day = utcDay(new Date(Date.parse(end) - 86_400_000));
  const previous = previousFilled
    ? { status: sql`case when ${thereAt(previousEnd)} then ${statusAt(previousEnd)} end`, join: sql`` }
    : { status: sql`p.last_status`, join: sql`left join mirror_connection_months p on p.month = ${previousMonth(month)} and p.connection_id = k.id` };
  const connections = await startBuiltTable(db, 'mirror_connection_months', day);
  const companies = await startBuiltTable(db, 'mirror_company_months', day);
  const built: ReconstructedMonth = { month, day, end, companies: { companies: 0, withoutConnections: 0 }, groups: new Map(), tables: { mirror_connection_months: connections, mirror_company_months: companies } };
  for (const piece of pieces.connections) {
    await db.execute(sql`
      insert into ${sql.identifier(connections)} (month, connection_id, company_id, platform_key, platform_name, source_type, sandbox,
        first_day, last_day, first_status, last_status, days_seen, days_linked, previous_status)
      select ${month}, k.id, k.company_id, k.platform_key, k.platform_name, k.source_type, k.sandbox, ${day}::date, ${day}::date,
        ${statusAt(end)}, ${statusAt(end)}, 1, (${statusAt(end)} = 'Linked')::int, ${previous.status}
      from ${HISTORY.byConnection} k ${previous.join}
      where ${thereAt(end)} and ${inRange(sql`k.id`, piece)}
      order by k.id`);
  }
  for (const piece of pieces.companies) {
    // The piece's connections as their month rows read (`k`), rolled up and counted in one statement.
    const [counted] = await rows<CompanyCounts & { groups: DayCount[] | null }>(
      db,
      sql`with k as (
          select ${month} as month, k.company_id, k.platform_key, k.platform_name, k.source_type, k.sandbox, ${day}::date as last_day,
            ${statusAt(end)} as last_status, 1 as days_seen, (${statusAt(end)} = 'Linked')::int as days_linked
          from ${HISTORY.byCompany} k where ${thereAt(end)} and ${inRange(sql`k.company_id`, piece)}),
        rolled_up as (${rollUp({ into: companies, from: 'k', month, day, which: sql`true`, upsert: false })}),
        -- Companies per group counted in two hash aggregations (by company, then by group): no sort of the piece's connections.
        g as (select status, platform_key as "platformKey", source_type as "sourceType", bool_or(sandbox) as sandbox,
            sum(connections)::int as connections, count(*)::int as companies
          from (select last_status as status, coalesce(platform_key, '') as platform_key, source_type, company_id, bool_or(sandbox) as sandbox, count(*) as connections
                from k group by 1, 2, 3, 4) as by_company
          group by 1, 2, 3)
        select count(*)::int as companies, (count(*) filter (where linked.company_id is null))::int as "withoutConnections", (select json_agg(g) from g) as groups
        from mirror_companies c
        left join (select distinct company_id from k) as linked on linked.company_id = c.id
        where ${inRange(sql`c.id`, piece)} and coalesce(c.created_at, c.first_seen_at) < ${end}::timestamptz
          and (c.deleted_at is null or c.deleted_at > ${end}::timestamptz)`,
    );
    addCounts(built, counted!);
  }
  for (const table of [connections, companies]) await analyzeBuiltTable(db, table);
  return built;
}

/** A piece's counts added to its month's. */
function addCounts(built: ReconstructedMonth, { companies, withoutConnections, groups }: CompanyCounts & { groups: DayCount[] | null }): void {
  built.companies.companies += companies;
  built.companies.withoutConnections += withoutConnections;
  for (const group of groups ?? []) {
    const key = JSON.stringify([group.status, group.platformKey, group.sourceType]);
    const sum = built.groups.get(key);
    if (!sum) built.groups.set(key, group);
    else Object.assign(sum, { sandbox: sum.sandbox || group.sandbox, connections: sum.connections + group.connections, companies: sum.companies + group.companies });
  }
}

/** The reconstructed month's snapshot recorded and its tables swapped in for the month's partitions, in the caller's transaction. */
async function publishReconstructedMonth(tx: Db, { month, day, end, companies, groups, tables }: ReconstructedMonth, runId: number): Promise<void> {
  await tx.execute(sql`
    insert into mirror_snapshot_days (day, taken_at, run_id, companies, companies_without_connections, reconstructed)
    values (${day}::date, ${end}::timestamptz - interval '1 millisecond', ${runId}, ${companies.companies}, ${companies.withoutConnections}, true)`);
  const counted = [...groups.values()];
  if (counted.length > 0) await tx.insert(mirrorSnapshotCounts).values(counted.map((count) => ({ day, ...count })));
  for (const [table, built] of Object.entries(tables) as Array<[MonthPartitionedTable, string]>) await publishBuiltTable(tx, table, month, built);
}
