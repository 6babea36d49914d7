import type { Db } from './database.js';

/**
 * How long the background lane held the database, where requests wait for it: embedded PGlite in
 * its worker thread, which runs one statement or transaction at a time (pglite-worker.ts). On
 * PostgreSQL requests run beside the background, and PGlite on the main thread has no lanes: not
 * measured there.
 */
const meters = new WeakMap<Db, () => Promise<number>>();

export function measureBackgroundHolds(db: Db, takeLongest: () => Promise<number>): void {
  meters.set(db, takeLongest);
}

/** The longest background hold since the last call (ms), or undefined where it is not measured. */
export async function takeLongestBackgroundHold(db: Db): Promise<number | undefined> {
  return meters.get(db)?.();
}
