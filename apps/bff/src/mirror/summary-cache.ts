import type { Db } from '../db/database.js';
import { inBackground } from '../db/lanes.js';
import { mirrorActivity, mirrorRefreshedAt } from './freshness.js';

/** How long a summary stays while the mirror records no change: windows such as "the last 24 hours" move with the clock. */
const SUMMARY_TTL_MS = 60_000;
/**
 * While a sync writes, how often the summary is taken again in the background. Its completion
 * takes every summary again at once (retakeSummaries); meanwhile each take holds embedded PGlite
 * for a second at 100,000 companies, so more often would keep requests waiting through the sync.
 */
const CATCH_UP_MS = 30_000;

interface Taken<T> {
  value: T;
  /** changesVersion when it was taken. */
  version: number;
  /** By the console's clock, for SUMMARY_TTL_MS. */
  atMs: number;
  /** performance.now() when it was taken, for CATCH_UP_MS. */
  tookAt: number;
  /** mirrorRefreshedAt when it was taken. */
  refreshedAt: string | null;
}

interface Summaries<T> {
  taken?: Taken<T>;
  next?: { version: number; refreshedAt: string | null; done: Promise<Taken<T>> };
}

/** Every mirrorSummary, for retakeSummaries. */
const everySummary = new Set<(db: Db, now: number) => Promise<unknown>>();

/**
 * Once a sync completes in this process, every summary is taken again in the background: the first
 * request after it then finds the summary taken or under way, instead of starting it and waiting
 * for all of it (130-150 ms at 100,000 companies on PostgreSQL). Other replicas take theirs on request.
 */
export function retakeSummaries(db: Db, now: number): void {
  for (const summary of everySummary) void inBackground(() => summary(db, now)).catch(() => undefined);
}

/**
 * A summary of the whole mirror (a grouping or aggregate over every row, too costly to compute on
 * every request), taken once per change the mirror records (changesVersion), completed sync
 * (mirrorRefreshedAt: a pass also moves what records no change, such as last-sync times) or
 * minute, one at a time per database. No summary older than the last completed sync answers, so
 * what the answer's X-Mirror-Refreshed-At says holds of it. Two exceptions, where the last summary
 * answers and no request waits for the next:
 *   - only the minute is up (nothing changed): the next is taken in the background;
 *   - a sync is writing (the mirror changes with every page, and each request would otherwise
 *     summarise it all again): the next is taken in the background once the last is CATCH_UP_MS old.
 */
export function mirrorSummary<T>(summarise: (db: Db, now: number) => Promise<T>): (db: Db, now: number) => Promise<T> {
  const summaries = new WeakMap<Db, Summaries<T>>();

  /** Summarises the mirror as `version` and `refreshedAt` say it is, unless that is under way; the latest taken is kept. */
  function take(db: Db, now: number, version: number, refreshedAt: string | null): Promise<Taken<T>> {
    let cache = summaries.get(db);
    if (!cache) summaries.set(db, (cache = {}));
    if (cache.next?.version === version && cache.next.refreshedAt === refreshedAt) return cache.next.done;
    const tookAt = performance.now();
    const next = { version, refreshedAt, done: summarise(db, now).then((value) => ({ value, version, atMs: now, tookAt, refreshedAt })) };
    cache.next = next;
    next.done
      .then(
        (taken) => {
          if ((cache.taken?.tookAt ?? -Infinity) <= tookAt) cache.taken = taken;
        },
        () => undefined,
      )
      .finally(() => cache.next === next && delete cache.next);
    return next.done;
  }

  const answer = async (db: Db, now: number): Promise<T> => {
    const [{ version, syncing }, refreshedAt] = await Promise.all([mirrorActivity(db), mirrorRefreshedAt(db)]);
    const cache = summaries.get(db);
    const taken = cache?.taken;
    const takeInBackground = () => void inBackground(() => take(db, now, version, refreshedAt)).catch(() => undefined);
    if (taken?.refreshedAt === refreshedAt) {
      if (taken.version === version) {
        if (Math.abs(now - taken.atMs) >= SUMMARY_TTL_MS) takeInBackground();
        return taken.value;
      }
      if (syncing) {
        if (!cache!.next && performance.now() - taken.tookAt >= CATCH_UP_MS) takeInBackground();
        return taken.value;
      }
    }
    return (await take(db, now, version, refreshedAt)).value;
  };
  everySummary.add(answer);
  return answer;
}
