import { sql } from 'drizzle-orm';
import { runsOneStatementAtATime } from '../../db/background-holds.js';
import type { Db } from '../../db/database.js';
import { MONTH_PARTITIONED_TABLES } from './month-partitions.js';
import { array, PUBLISH_ROW_COUNTS, rows } from './sql.js';

/** The tables a first load fills: their secondary indexes are built after it (see deferIndexes). */
export const BULK_LOADED_TABLES = ['mirror_companies', 'mirror_connections', 'mirror_connection_errors', 'mirror_changes'];

/**
 * Before a first load: drops the secondary indexes of the tables it fills, keeping each one's
 * definition in mirror_deferred_indexes; one bulk build per index afterwards (restoreIndexes) is
 * far cheaper than maintaining them row by row through 100,000 companies. Unique indexes stay:
 * the load's upserts rely on them. Idempotent, so a resumed load calls it again harmlessly.
 * The trigram index of company search is built before the load instead (ensureSearchIndex), on the
 * table still empty, and kept through it: built afterwards, it held embedded PGlite for 3.4 s at
 * 100,000 companies in one statement, where the load's slices each add their companies to it.
 */
export async function deferIndexes(db: Db): Promise<number> {
  const deferred = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const indexes = await rows<{ name: string; definition: string }>(
      tx,
      // A partitioned table's index reads `ON ONLY`, which would rebuild it for the parent alone.
      sql`select i.indexname as name, replace(i.indexdef, ' ON ONLY ', ' ON ') as definition
          from pg_indexes i join pg_class c on c.relname = i.indexname and c.relkind in ('i', 'I') join pg_index x on x.indexrelid = c.oid
          where i.schemaname = current_schema() and i.tablename = any(${array(BULK_LOADED_TABLES, 'text')}) and not x.indisunique
            and i.indexname <> all(${array(KEPT_THROUGH_LOAD, 'text')})`,
    );
    for (const { name, definition } of indexes) {
      await tx.execute(sql`insert into mirror_deferred_indexes (name, definition, deferred_at) values (${name}, ${definition}, now()) on conflict (name) do nothing`);
      await tx.execute(sql.raw(`drop index if exists "${name}"`));
    }
    return indexes.length;
  });
  await ensureSearchIndex(db);
  return deferred;
}

/**
 * Statistics of the tables a first load fills, from its first page (milliseconds): without any,
 * the planner expects each of the 100 company ids a slice looks up to match 0.5 % of the rows
 * (about 40 % for all), so it read what is stored of a slice's companies by scanning every
 * connection loaded so far (up to 360 ms a slice at 100,000 companies on embedded PGlite, which no
 * autovacuum analyzes). The statistics then say a company has a few connections, however many the
 * load adds.
 */
export function analyzeLoadStart(db: Db): Promise<void> {
  return analyze(db, BULK_LOADED_TABLES);
}

async function analyze(db: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) await db.execute(sql.raw(`analyze ${table}`));
}

/** Rebuilds the indexes deferIndexes dropped; cheap when there are none. */
export async function restoreIndexes(db: Db): Promise<number> {
  const deferred = await rows<{ name: string; definition: string }>(db, sql`select name, definition from mirror_deferred_indexes order by name`);
  for (const { name, definition } of deferred) {
    await db.transaction(async (tx) => {
      const [present] = await rows(tx as unknown as Db, sql`select 1 from pg_indexes where schemaname = current_schema() and indexname = ${name}`);
      if (!present) await tx.execute(sql.raw(definition));
      await tx.execute(sql`delete from mirror_deferred_indexes where name = ${name}`);
    });
  }
  return deferred.length;
}

const SEARCH_INDEX = 'mirror_companies_search_trgm';
/**
 * Not deferred: the search index (see deferIndexes); the connections' company index, by which each
 * slice of the load reads its companies' stored connections (without it, a scan of every connection
 * loaded so far: up to 180 ms a slice at 100,000 companies on embedded PGlite); and the indexes whose
 * build after such a load held PGlite longest, one statement each (0.34–0.93 s); and the failing
 * connections' partial index, which few rows enter but whose build reads every connection (0.2 s).
 * Kept through the load, each row adds to them.
 */
const KEPT_THROUGH_LOAD = [SEARCH_INDEX, 'mirror_connections_company', 'mirror_changes_company', 'mirror_connections_status', 'mirror_connections_platform', 'mirror_connections_change_seq', 'mirror_changes_transitions', 'mirror_connections_failing'];

/**
 * Builds the trigram index of company search where pg_trgm is there (before a first load, or
 * after pg_trgm was added to a loaded mirror). Cheap when it exists.
 */
export async function ensureSearchIndex(db: Db): Promise<boolean> {
  const [state] = await rows<{ trgm: boolean; indexed: boolean }>(
    db,
    sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as trgm,
          exists (select 1 from pg_indexes where indexname = ${SEARCH_INDEX}) as indexed`,
  );
  if (!state!.trgm || state!.indexed) return false;
  await db.execute(sql.raw(`create index if not exists ${SEARCH_INDEX} on mirror_companies using gin (search_text gin_trgm_ops) where deleted_at is null`));
  return true;
}

/**
 * Embedded PGlite: merges what the companies just written added to the search index's pending list
 * into the index, as a statement of its own that requests waiting for the database go before.
 * Otherwise the write that overflows the list (4 MB, every 12 or so slices of 100 companies) merges
 * all of it within its own transaction: 39 holds of 0.15–0.33 s over a first load of 100,000
 * companies. Merged after each write it holds PGlite for tens of ms, and costs more in all (each
 * merge reaches into the index once per distinct trigram). PostgreSQL merges in autovacuum, and
 * a write that overflows the list there holds up only its own session.
 */
export async function flushSearchIndex(db: Db): Promise<void> {
  if (runsOneStatementAtATime(db)) await db.execute(sql`select gin_clean_pending_list(to_regclass(${SEARCH_INDEX}))`);
}

/** Every other mirror table: they change a little with each sync, or once a day. */
export const OTHER_MIRROR_TABLES = [
  'mirror_sync_runs',
  'mirror_sync_seen',
  'mirror_lease',
  'mirror_snapshot_days',
  'mirror_snapshot_counts',
  'mirror_connection_months',
  'mirror_company_months',
  'mirror_reports',
  'mirror_notes',
  'mirror_duplicate_groups',
  'mirror_deferred_indexes',
];

/** The month tables: a first load's snapshot and backfill only insert into them. */
export const MONTH_TABLES = ['mirror_snapshot_days', 'mirror_snapshot_counts', 'mirror_connection_months', 'mirror_company_months'];

/**
 * VACUUM, then ANALYZE: the space of deleted and updated rows made reusable, and planner
 * statistics refreshed. PostgreSQL's autovacuum would see to both; PGlite runs none, so without
 * this its files only grow. Two statements per table: on embedded PGlite (one statement at a time)
 * requests waiting for the database go between them (as one, each held it for 0.3–0.7 s after a
 * first load of 100,000 companies).
 */
export async function vacuum(db: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await db.execute(sql.raw(`vacuum ${table}`));
    await db.execute(sql.raw(`analyze ${table}`));
  }
}

/**
 * The upkeep after a day's first snapshot: each mirror table (each month's partition of the month
 * tables) vacuumed where deleted and updated rows make up a fifth of it, and analyzed where a tenth
 * of it changed since its statistics were taken: the thresholds PostgreSQL's autovacuum applies by
 * default, which PGlite does not run. Vacuuming every table every day held embedded PGlite for
 * 6 s at 100,000 companies, though most tables barely change in a day; a month's partition that a
 * day's snapshot swapped in has no dead rows at all. After a first load the bulk-loaded tables were
 * vacuumed already, and the month tables were only inserted into (the snapshot, and the backfill's
 * millions of rows): they get statistics alone. Each month's partition was analyzed when built; the
 * partitioned tables themselves get none of their own, as PostgreSQL's autovacuum leaves them
 * (analyzing one reads every partition again: 3.4 and 4.0 s in one statement at 100,000 companies
 * on embedded PGlite).
 */
export async function dailyUpkeep(db: Db, firstLoad: boolean): Promise<void> {
  if (!firstLoad) return upkeepWhereDue(db, [...BULK_LOADED_TABLES, ...OTHER_MIRROR_TABLES]);
  await vacuum(db, OTHER_MIRROR_TABLES.filter((table) => !MONTH_TABLES.includes(table)));
  const partitioned: readonly string[] = MONTH_PARTITIONED_TABLES;
  await analyze(db, MONTH_TABLES.filter((table) => !partitioned.includes(table)));
}

/** Vacuums or analyzes the tables of `tables` (or their partitions) that autovacuum's default thresholds call for. */
async function upkeepWhereDue(db: Db, tables: readonly string[]): Promise<void> {
  await db.execute(PUBLISH_ROW_COUNTS);
  const due = await rows<{ table: string; vacuum: boolean }>(
    db,
    sql`select s.relname as table, s.n_dead_tup > 50 + 0.2 * s.n_live_tup as vacuum
        from pg_stat_user_tables s
        left join pg_inherits i on i.inhrelid = s.relid
        where s.schemaname = current_schema() and coalesce(i.inhparent::regclass::text, s.relname) = any(${array(tables, 'text')})
          and (s.n_dead_tup > 50 + 0.2 * s.n_live_tup or s.n_mod_since_analyze > 50 + 0.1 * s.n_live_tup)
        order by 1`,
  );
  for (const { table, vacuum: dead } of due) {
    if (dead) await vacuum(db, [table]);
    else await db.execute(sql.raw(`analyze ${table}`));
  }
}
