import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which queue a statement joins on embedded PGlite, which runs one statement (or one whole
 * transaction) at a time: `background` (the mirror's sync and summaries, the worker's write-ahead
 * log check) waits while statements of the `request` lane are queued (see pglite-worker.ts), so a
 * request waits for the one background statement or transaction already running, not for every
 * one queued before it. On PostgreSQL, requests' statements run side by side and the background's
 * one at a time (postgres-pool.ts).
 */
export type Lane = 'request' | 'background';

const background = new AsyncLocalStorage<true>();

/** Runs `work` with every statement it (and what it starts) sends in the background lane. */
export function inBackground<T>(work: () => T): T {
  return background.run(true, work);
}

export function currentLane(): Lane {
  return background.getStore() ? 'background' : 'request';
}
