import { PGlite } from '@electric-sql/pglite';
import type { Db } from './database.js';
import { currentLane } from './lanes.js';
import { PgliteThread } from './pglite-thread.js';

/**
 * The longest a background statement or transaction held the database since the last call (ms),
 * where requests wait for it: embedded PGlite in its worker thread, which runs one statement or
 * transaction at a time (pglite-worker.ts). Undefined elsewhere: on PostgreSQL requests run beside
 * the background, and PGlite on the main thread has no lanes.
 */
export async function takeLongestBackgroundHold(db: Db): Promise<number | undefined> {
  const client = clientOf(db);
  return client instanceof PgliteThread ? client.takeLongestBackgroundHold() : undefined;
}

/** Embedded PGlite, in its worker thread or not: one session, so every statement waits for the one before. */
export function runsOneStatementAtATime(db: Db): boolean {
  const client = clientOf(db);
  return client instanceof PgliteThread || client instanceof PGlite;
}

/** The client drizzle was given (it keeps it as `$client`). */
const clientOf = (db: Db) => (db as Db & { $client?: unknown }).$client;

/**
 * How many statements a summary of the whole mirror is taken in: eight in the background lane on
 * embedded PGlite, so that requests go between them; else one (a request waiting for the summary
 * is served sooner by one statement, and PostgreSQL runs requests beside the background).
 */
export function summaryPieces(db: Db): number {
  return currentLane() === 'background' && runsOneStatementAtATime(db) ? 8 : 1;
}
