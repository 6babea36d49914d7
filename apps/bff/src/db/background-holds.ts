import type { Db } from './database.js';
import { PgliteThread } from './pglite-thread.js';

/**
 * The longest a background statement or transaction held the database since the last call (ms),
 * where requests wait for it: embedded PGlite in its worker thread, which runs one statement or
 * transaction at a time (pglite-worker.ts). Undefined elsewhere: on PostgreSQL requests run beside
 * the background, and PGlite on the main thread has no lanes.
 */
export async function takeLongestBackgroundHold(db: Db): Promise<number | undefined> {
  // drizzle keeps the client it was given as `$client`.
  const { $client: client } = db as Db & { $client?: unknown };
  return client instanceof PgliteThread ? client.takeLongestBackgroundHold() : undefined;
}
