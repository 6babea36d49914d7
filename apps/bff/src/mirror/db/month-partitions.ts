import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { monthOf } from '../../reports/month.js';
import { PUBLISH_ROW_COUNTS, rows } from './sql.js';

/**
 * The month tables are partitioned by month (migration 0016), one partition a month, so a month
 * can be replaced whole: a day's first snapshot (or the backfill, a reconstructed month) builds the
 * month's next rows in a table of their own, in pieces, and one short transaction swaps it in for
 * the month's partition (publishBuiltTable).
 * Readers see the month before the day or after it, never half of it, and the old rows go with
 * their table instead of being deleted and vacuumed.
 */
export const MONTH_PARTITIONED_TABLES = ['mirror_connection_months', 'mirror_company_months'] as const;
export type MonthPartitionedTable = (typeof MONTH_PARTITIONED_TABLES)[number];

const MONTH = /^\d{4}-\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Months and days go into DDL as literals (it takes no parameters): checked first. */
function checked(value: string, format: RegExp): string {
  if (!format.test(value)) throw new Error(`not a month or day: ${value}`);
  return value;
}
const monthLiteral = (month: string) => `'${checked(month, MONTH)}'`;

/** A month's partition when made by ensureMonthPartitions; a built one is named after its day (builtTableName). */
const monthPartitionName = (table: MonthPartitionedTable, month: string) => `${table}_m${month.replace('-', '')}`;
/** The table a snapshot of `day` builds the month's rows in, until it becomes the month's partition. */
const builtTableName = (table: MonthPartitionedTable, day: string) => `${table}_d${checked(day, DAY).replaceAll('-', '')}`;

/** `table`'s partitions, each with the month it holds. */
function partitionsOf(db: Db, table: MonthPartitionedTable): Promise<Array<{ name: string; month: string }>> {
  return rows(
    db,
    sql`select c.relname as name, substring(pg_get_expr(c.relpartbound, c.oid) from '''(.*)''') as month
        from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = ${table}::regclass`,
  );
}

/** The month's partition of `table`, if it has one. */
async function partitionOf(db: Db, table: MonthPartitionedTable, month: string): Promise<string | undefined> {
  return (await partitionsOf(db, table)).find((partition) => partition.month === month)?.name;
}

/**
 * Partitions for the month in both tables, where missing: before rows of the month are inserted
 * through the parent. Each is made apart and attached, each in a short transaction of its own: on
 * PostgreSQL attaching lets the month tables be read meanwhile, where creating a table as a
 * partition would wait for every read of them under way and hold back every read after it.
 */
export async function ensureMonthPartitions(db: Db, month: string): Promise<void> {
  for (const table of MONTH_PARTITIONED_TABLES) {
    if (await partitionOf(db, table, month)) continue;
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const name = monthPartitionName(table, month);
      await createShapedTable(tx, table, name, month);
      await tx.execute(sql.raw(`alter table ${table} attach partition ${name} for values in (${monthLiteral(month)})`));
    });
  }
}

/**
 * An empty table shaped as `table`'s partitions (its indexes included, so filling it keeps them and
 * attaching it adopts them), for the rows of `month`.
 */
async function createShapedTable(db: Db, table: MonthPartitionedTable, name: string, month: string): Promise<void> {
  await db.execute(sql.raw(`create table ${name} (like ${table} including all)`));
  // Attaching then skips scanning the rows for the partition's bound.
  await db.execute(sql.raw(`alter table ${name} add constraint ${name}_month check (month = ${monthLiteral(month)})`));
}

/** The table a snapshot builds the month's rows in, as of `day`; one left by a build that stopped is dropped first. */
export async function startBuiltTable(db: Db, table: MonthPartitionedTable, day: string): Promise<string> {
  const name = builtTableName(table, day);
  await db.execute(sql.raw(`drop table if exists ${name}`));
  await createShapedTable(db, table, name, monthOf(day));
  return name;
}

/**
 * Statistics for a month's table built for a snapshot, before it is published: without them the
 * month's report, made right after, joined the months by plans that took 200 ms a piece instead of
 * 40. From a sample of 3,000 rows (a tenth of the default), so the one statement stays short; the
 * daily upkeep's thresholds leave it at that.
 */
export async function analyzeBuiltTable(db: Db, table: string): Promise<void> {
  // Its rows published first: else, on embedded PGlite, the next day's upkeep found every month
  // built the day before changed since its statistics and analyzed each again (0.24–0.39 s apiece).
  await db.execute(PUBLISH_ROW_COUNTS);
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local default_statistics_target = 10`);
    await tx.execute(sql.raw(`analyze ${table}`));
  });
}

/**
 * Inside the transaction that publishes a built snapshot: the built table becomes the
 * month's partition of `table`, and the one it replaces is dropped. On PostgreSQL the detach waits
 * for statements reading the table to end, and holds back those that come meanwhile (milliseconds
 * when no long read is under way).
 */
export async function publishBuiltTable(tx: Db, table: MonthPartitionedTable, month: string, built: string): Promise<void> {
  const current = await partitionOf(tx, table, month);
  if (current) await tx.execute(sql.raw(`alter table ${table} detach partition ${current}`));
  await tx.execute(sql.raw(`alter table ${table} attach partition ${built} for values in (${monthLiteral(month)})`));
  if (current) await tx.execute(sql.raw(`drop table ${current}`));
}

/** Built tables never published (their build stopped, or another snapshot of the day came first): dropped. */
export async function dropUnpublishedTables(db: Db): Promise<void> {
  const left = await rows<{ name: string }>(
    db,
    sql`select relname as name from pg_class where relkind = 'r' and not relispartition and relnamespace = current_schema()::regnamespace
          and (${sql.join(
            MONTH_PARTITIONED_TABLES.map((table) => sql`relname ~ ${`^${table}_d[0-9]{8}$`}`),
            sql` or `,
          )})`,
  );
  for (const { name } of left) await db.execute(sql.raw(`drop table ${name}`));
}

/** Drops the partitions of months before `month` (history pruning): their rows go without a delete or a vacuum. */
export async function dropMonthsBefore(db: Db, month: string): Promise<Record<MonthPartitionedTable, number>> {
  const dropped = {} as Record<MonthPartitionedTable, number>;
  for (const table of MONTH_PARTITIONED_TABLES) {
    const old = (await partitionsOf(db, table)).filter((partition) => partition.month < month);
    dropped[table] = 0;
    for (const { name } of old) {
      const [{ count }] = (await rows<{ count: number }>(db, sql`select count(*)::int as count from ${sql.identifier(name)}`)) as [{ count: number }];
      await db.execute(sql.raw(`drop table ${name}`));
      dropped[table] += count;
    }
  }
  return dropped;
}
