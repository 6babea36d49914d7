import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rows } from '../mirror/db/sql.js';

/** The keys above `after` up to `through` (no upper bound when null). Every key is above ''. */
export interface KeyRange {
  after: string;
  through: string | null;
}

export const EVERY_KEY: KeyRange = { after: '', through: null };

/** `column` in the range; for every key, no condition at all, so statements read as they did before ranges. */
export function inRange(column: SQL, { after, through }: KeyRange): SQL {
  const above = after === '' ? sql`true` : sql`${column} > ${after}`;
  return through === null ? above : sql`${above} and ${column} <= ${through}`;
}

/**
 * Consecutive ranges that together hold every key, each ending at the key `nextBound` finds after
 * the previous range's end (about a piece's worth of keys on), the last one open.
 */
async function keyRanges(nextBound: (after: string) => Promise<string | undefined>): Promise<KeyRange[]> {
  const ranges: KeyRange[] = [];
  for (let after = ''; ; ) {
    const through = await nextBound(after);
    ranges.push({ after, through: through ?? null });
    if (through === undefined) return ranges;
    after = through;
  }
}

/** Ranges of about `size` keys of `column` in `table` (of the rows `where` selects), cut along an index on it. */
export function tableKeyRanges(db: Db, { table, column, size, where = sql`true` }: { table: string; column: string; size: number; where?: SQL }): Promise<KeyRange[]> {
  const key = sql.identifier(column);
  return keyRanges(async (after) => {
    const [bound] = await rows<{ key: string }>(
      db,
      sql`select ${key} as key from ${sql.identifier(table)} where ${where} and ${key} > ${after} order by ${key} offset ${size - 1} limit 1`,
    );
    return bound?.key;
  });
}
