import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';

/**
 * Raw SQL helpers for the mirror's bulk statements. Both drivers answer `{ rows }`; counts are
 * cast to int and dates to text in the SQL, so both also give the same JavaScript types.
 */
export async function rows<Row>(db: Db, statement: SQL): Promise<Row[]> {
  const result = (await db.execute(statement)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * The rows of `query` in `key` order, each read as one JSON text: for exports of hundreds of
 * thousands of rows. PGlite decodes every column of every row on its own, which at 100,000
 * companies costs about as much as the query; one text a row is decoded once, by JSON.parse.
 * Only for rows of JSON's own types: a timestamp would come back in JSON's format, not the driver's.
 */
export async function rowsAsJson<Row>(db: Db, query: SQL, key: keyof Row & string): Promise<Row[]> {
  const found = await rows<{ row: string }>(db, sql`select row_to_json(q)::text as row from (${query}) as q order by q.${sql.identifier(key)}`);
  return found.map(({ row }) => JSON.parse(row) as Row);
}

/** One array parameter (for `unnest`, `= any(...)`), not Drizzle's expansion into a list. */
export function array(values: readonly unknown[], type: 'text' | 'timestamptz' | 'boolean' | 'bigint' | 'int'): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

export const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/**
 * Whether a row is in piece `piece` of `pieces` (a power of two) by the hash of `value`: pieces of
 * a grouping by `value`, each its own statement, hold every group whole.
 */
export const inHashPiece = (value: SQL, piece: number, pieces: number) => sql`(hashtext(${value}) & ${pieces - 1}) = ${piece}`;

/**
 * The rows of `query` in `pieces` statements (one, or a power of two), each given the condition
 * that keeps a row in its piece by the hash of the value it is given (see inHashPiece).
 */
export async function rowsInPieces<Row>(db: Db, pieces: number, query: (inPiece: (value: SQL) => SQL) => SQL): Promise<Row[]> {
  const found: Row[] = [];
  for (let piece = 0; piece < pieces; piece += 1) {
    found.push(...(await rows<Row>(db, query((value) => (pieces > 1 ? inHashPiece(value, piece, pieces) : sql`true`)))));
  }
  return found;
}

/**
 * For a statement that sorts or groups a whole mirror table (inside a transaction): with
 * PostgreSQL's default 4 MB such sorts spill to temporary files.
 */
export const LARGE_WORK_MEM = sql`set local work_mem = '32MB'`;

/**
 * Publishes the session's row counts now: a session publishes them at most once a second, so on
 * embedded PGlite's one session pg_stat_user_tables leaves out the last second's writes, and an
 * ANALYZE made meanwhile finds them counted as changed since once they are published. (The
 * function is PostgreSQL 15's, hence the check.)
 */
export const PUBLISH_ROW_COUNTS = sql`do $$ begin if exists (select 1 from pg_proc where proname = 'pg_stat_force_next_flush') then perform pg_stat_force_next_flush(); end if; end $$`;

/** `fn` in a transaction with LARGE_WORK_MEM: for reads that sort or hash a month of connections. */
export function withLargeWorkMem<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await tx.execute(LARGE_WORK_MEM);
    return fn(tx);
  });
}
