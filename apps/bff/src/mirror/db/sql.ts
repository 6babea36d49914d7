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

/** One array parameter (for `unnest`, `= any(...)`), not Drizzle's expansion into a list. */
export function array(values: readonly unknown[], type: 'text' | 'timestamptz' | 'boolean' | 'bigint'): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

export const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/**
 * For a statement that sorts or groups a whole mirror table (inside a transaction): with
 * PostgreSQL's default 4 MB such sorts spill to temporary files.
 */
export const LARGE_WORK_MEM = sql`set local work_mem = '32MB'`;

/** `fn` in a transaction with LARGE_WORK_MEM: for reads that sort or hash a month of connections. */
export function withLargeWorkMem<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await tx.execute(LARGE_WORK_MEM);
    return fn(tx);
  });
}
