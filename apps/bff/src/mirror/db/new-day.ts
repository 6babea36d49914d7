import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { inRange, tableKeyRanges, type KeyRange } from '../../reports/key-ranges.js';
import { monthOf, previousMonth } from '../../reports/month.js';
import { changeSeqThrough, companyCounts, previousMonthLastDay, rollUp, type CompanyCounts } from './month-rows.js';
import { analyzeBuiltTable, dropUnpublishedTables, publishBuiltTable, startBuiltTable, type MonthPartitionedTable } from './month-partitions.js';
import { rows } from './sql.js';
import type { DailySnapshot } from './snapshot.js';

/** A day's first snapshot, built and not yet published (buildNewDay). */
export interface NewDay {
  day: string;
  /** Every change numbered up to this is in the built rows; later ones may be too, and the day's next snapshot redoes them. */
  through: number;
  companies: CompanyCounts;
  /** Per month table, the table holding the month's rows as of the day. */
  tables: Record<MonthPartitionedTable, string>;
}

/**
 * Ids per piece when a day's first snapshot is built: each statement rolls about this many
 * connections' months forward, or rolls up and counts about this many companies. At 100,000
 * companies on PGlite each piece of 1,500 held the database for 40–70 ms; 5,000 connections a
 * piece for 160–190 ms.
 */
export interface BuildPieces {
  connections: number;
  companies: number;
}

const BUILD_PIECES: BuildPieces = { connections: 1_500, companies: 1_500 };

/**
 * The day's first snapshot built outside any transaction, in pieces (undefined when the day has a
 * snapshot already, which a later sync replaces in place): the month's connection rows rolled
 * forward to the day, its company rows rolled up from them, and the company counts, each in
 * statements of 1,500 ids. On embedded PGlite (one statement at a time) requests go
 * between them, where the whole month in one transaction held the database for 9 s at 100,000
 * companies. Nothing reads the built tables until takeDailySnapshot publishes them.
 */
export async function buildNewDay(db: Db, day: string, pieces: BuildPieces = BUILD_PIECES): Promise<NewDay | undefined> {
  const [taken] = await rows(db, sql`select 1 from mirror_snapshot_days where day = ${day}::date`);
  if (taken) return undefined;
  const month = monthOf(day);
  await dropUnpublishedTables(db);
  const through = await db.transaction(async (tx) => {
    // As in takeDailySnapshot: connection writes under way commit first, so none numbered up to `through` is missed.
    await tx.execute(sql`lock table mirror_connections in share mode`);
    return changeSeqThrough(tx as unknown as Db);
  });
  const previousDay = await previousMonthLastDay(db, month);
  const connections = await startBuiltTable(db, 'mirror_connection_months', day);
  for (const range of await tableKeyRanges(db, { table: 'mirror_connections', column: 'id', size: pieces.connections })) {
    await db.execute(rollForward(connections, month, day, previousDay, range));
  }
  const companies = await startBuiltTable(db, 'mirror_company_months', day);
  const counts: CompanyCounts = { companies: 0, withoutConnections: 0 };
  for (const range of await tableKeyRanges(db, { table: 'mirror_companies', column: 'id', size: pieces.companies })) {
    await db.execute(rollUp({ into: companies, from: connections, month, day, which: inRange(sql`company_id`, range), upsert: false }));
    const piece = await companyCounts(db, range);
    counts.companies += piece.companies;
    counts.withoutConnections += piece.withoutConnections;
  }
  for (const table of [connections, companies]) await analyzeBuiltTable(db, table);
  return { day, through, companies: counts, tables: { mirror_connection_months: connections, mirror_company_months: companies } };
}

/**
 * The month's connection rows of ids in `range`, as addDay leaves them: each live connection's
 * month with the day added (a new row for one the month has not seen yet), and the others as they
 * were.
 */
function rollForward(into: string, month: string, day: string, previousDay: string | null, range: KeyRange): SQL {
  const live = sql`c.id is not null`;
  const latest = (column: string) => sql.raw(`case when c.id is null then m.${column} else c.${column} end`);
  return sql`
    insert into ${sql.identifier(into)} (month, connection_id, company_id, platform_key, platform_name, source_type, sandbox,
      first_day, last_day, first_status, last_status, days_seen, days_linked, previous_status, before_last_day, before_last_status)
    select ${month}, coalesce(c.id, m.connection_id), ${latest('company_id')}, ${latest('platform_key')}, ${latest('platform_name')},
      ${latest('source_type')}, ${latest('sandbox')},
      coalesce(m.first_day, ${day}::date), case when ${live} then ${day}::date else m.last_day end,
      coalesce(m.first_status, c.status), case when ${live} then c.status else m.last_status end,
      coalesce(m.days_seen, 0) + (${live})::int, coalesce(m.days_linked, 0) + coalesce((c.status = 'Linked')::int, 0),
      case when m.connection_id is null then p.last_status else m.previous_status end,
      case when ${live} then m.last_day else m.before_last_day end, case when ${live} then m.last_status else m.before_last_status end
    from (select * from mirror_connection_months where month = ${month} and ${inRange(sql`connection_id`, range)}) as m
    full join (select * from mirror_connections where deleted_at is null and ${inRange(sql`id`, range)}) as c on c.id = m.connection_id
    left join mirror_connection_months p on p.month = ${previousMonth(month)} and p.connection_id = c.id and p.last_day = ${previousDay}::date
      and ${inRange(sql`p.connection_id`, range)}`;
}

/**
 * Publishes the day's first snapshot built by buildNewDay: its day recorded (pending until the
 * day's counts and the month's report are made from it) and its tables swapped in for the month's.
 */
export async function publishNewDay(db: Db, runId: number, at: Date, { day, through, companies, tables }: NewDay): Promise<DailySnapshot> {
  const [before] = await rows<{ takenMs: number; changeSeq: number | null }>(
    db,
    sql`select (extract(epoch from taken_at) * 1000)::float8 as "takenMs", change_seq::float8 as "changeSeq" from mirror_snapshot_days
        where not reconstructed order by day desc limit 1`,
  );
  await db.execute(sql`
    insert into mirror_snapshot_days (day, taken_at, run_id, companies, companies_without_connections, change_seq, pending)
    values (${day}::date, ${at.toISOString()}::timestamptz, ${runId}, ${companies.companies}, ${companies.withoutConnections}, ${through}, true)`);
  for (const [table, built] of Object.entries(tables) as Array<[MonthPartitionedTable, string]>) await publishBuiltTable(db, table, monthOf(day), built);
  const duplicatesAsOf = before?.changeSeq != null ? { takenAt: new Date(before.takenMs), changeSeq: before.changeSeq } : undefined;
  return { outcome: 'taken', reshaped: true, duplicatesAsOf };
}

