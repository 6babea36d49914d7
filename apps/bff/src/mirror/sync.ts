import type { CodatClient, Company, Connection, Page } from '@console/codat-client';
import { NOTICEABLE_HOLD_MS } from '@console/contracts';
import { inBackground } from '../db/lanes.js';
import type { Logger } from '../observability/logger.js';
import { fetchCompanyPage, isLastPage, respectQuota, type PagingContext } from './codat-pages.js';
import { companyDigests, narrowObservation } from './digest.js';
import { diffObservation } from './diff.js';
import type { PlatformKeyOf } from './observe.js';
import type { Observation } from './model.js';
import { observePage } from './observe-page.js';
import { reconcileMissing } from './reconcile.js';
import { monthsBefore, utcDay, type MirrorSettings } from './settings.js';
import type { MirrorStore, SyncRun, SyncTrigger } from './store.js';

export interface SyncContext {
  codat: CodatClient;
  store: MirrorStore;
  logger: Logger;
  settings: MirrorSettings;
  merchantIdTag: string;
  /** This replica's name on the lease. */
  holder: string;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  platformKeys: (connections: readonly Connection[]) => Promise<PlatformKeyOf>;
  /** Aborted when the replica shuts down: the run stops after its current page, to be resumed. */
  signal?: AbortSignal;
  /** Awaited between slices of a page (see writePage) and the pass's chores: lets /api requests in flight finish first, waiting `maxWaitMs` at most. */
  yieldToRequests?: (maxWaitMs?: number) => Promise<void>;
  /** Test seam: runs after each page is written (a throw here is a crash mid-run). */
  afterPage?: (run: SyncRun, page: number) => Promise<void> | void;
}

/**
 * Longest the pass's chores wait for /api requests between two of their steps. Some steps hold
 * embedded PGlite for up to a second on a large fleet (an index's build after a first load), and a
 * request with several queries caught by one step would otherwise be caught again by the next:
 * worth a second's wait for the backlog to clear.
 */
const CHORES_REQUESTS_FIRST_MAX_WAIT_MS = 1000;

const lease = (ctx: SyncContext) => ({ holder: ctx.holder, now: new Date(ctx.now()), ttlMs: ctx.settings.leaseTtlMs });

/**
 * Claims the sync for this replica and picks the run to work on: the unfinished run when one is
 * recent enough (resumed after its last written page), else a new one. Undefined when another
 * replica holds the lease.
 */
export async function beginSync(ctx: SyncContext, trigger: SyncTrigger): Promise<SyncRun | undefined> {
  if (!(await ctx.store.acquireLease(lease(ctx)))) return undefined;
  const now = new Date(ctx.now());
  const since = new Date(now.getTime() - ctx.settings.resumeWithinMs);
  await ctx.store.abandonRuns(since, now);
  const unfinished = await ctx.store.unfinishedRun(since);
  if (unfinished) return ctx.store.resumeRun(unfinished.id, ctx.holder);
  return ctx.store.startRun({ trigger, holder: ctx.holder, pageSize: ctx.settings.pageSize, startedAt: now });
}

interface FetchedPage {
  result: Page<Company>;
  at: Date;
}

/** Where a slice sits in its page; the run's progress moves to the page once its last slice is written. */
interface SliceOf {
  page: number;
  totalResults: number;
  last: boolean;
}

/**
 * One slice of a page: only companies whose digest differs from the last page that listed them
 * are read and diffed; all are recorded as seen by the run.
 */
async function writeSlice(ctx: SyncContext, run: SyncRun, slice: SliceOf, observation: Observation, baseline: boolean): Promise<void> {
  const ids = observation.companies.map((company) => company.id);
  const digests = companyDigests(observation);
  const stored = await ctx.store.syncDigests(ids);
  const changed = new Set(ids.filter((id) => stored.get(id) !== digests.get(id)));
  const write = diffObservation(await ctx.store.loadState([...changed]), narrowObservation(observation, changed), { baseline });
  await ctx.store.applyPage(
    { runId: run.id, lease: lease(ctx) },
    {
      progress: { page: slice.page, pageDone: slice.last, totalResults: slice.totalResults, companies: ids.length, connections: observation.connections.length },
      // A first load has nothing to reconcile (see continueSync): no need to note what it saw.
      seenCompanyIds: baseline ? [] : ids,
      digests: new Map([...changed].map((id) => [id, digests.get(id)!])),
      write,
    },
  );
}

/**
 * A page in slices of `sliceCompanies`, each observed, diffed and written in its own short
 * transaction, with the event loop yielded between them: requests made meanwhile wait for one
 * slice at most, not for a whole page (seconds, with 5,000 companies on embedded PGlite).
 */
async function writePage(ctx: SyncContext, run: SyncRun, page: number, fetched: FetchedPage, baseline: boolean): Promise<void> {
  const { results, totalResults } = fetched.result;
  const size = ctx.settings.sliceCompanies;
  for (let start = 0; start === 0 || start < results.length; start += size) {
    const observation = await observePage(ctx, results.slice(start, start + size), fetched.at);
    await writeSlice(ctx, run, { page, totalResults, last: start + size >= results.length }, observation, baseline);
    // Requests that arrived meanwhile get the event loop, then the database.
    await new Promise((resolve) => setImmediate(resolve));
    await ctx.yieldToRequests?.();
  }
}

async function writePages(ctx: SyncContext, paging: PagingContext, run: SyncRun, baseline: boolean): Promise<void> {
  let page = run.lastPage + 1;
  const fetchAt = (number: number) => {
    const fetched = fetchCompanyPage(paging, number, run.pageSize).then((result) => ({ result, at: new Date(ctx.now()) }));
    fetched.catch(() => undefined); // awaited below; this only avoids an unhandled rejection meanwhile
    return fetched;
  };
  let next: Promise<FetchedPage> | undefined = fetchAt(page);
  try {
    while (next) {
      ctx.signal?.throwIfAborted();
      const fetched: FetchedPage = await next;
      const last = isLastPage(page, fetched.result);
      // A low quota stops the run after this page is written, not before.
      const quotaLow = last ? undefined : await respectQuota(paging).then(() => undefined, (error: unknown) => error);
      // The next page downloads while this one is written: two pages in memory at most.
      next = last || quotaLow ? undefined : fetchAt(page + 1);
      await writePage(ctx, run, page, fetched, baseline);
      if (baseline && page === run.lastPage + 1) await ctx.store.analyzeLoadStart();
      await ctx.afterPage?.(run, page);
      if (quotaLow) throw quotaLow;
      page += 1;
    }
  } finally {
    // A run that stops early leaves no request to Codat behind it.
    await next?.catch(() => undefined);
  }
}

/**
 * Pages through every company from where `run` stopped, then marks companies the pass did not see
 * (and Codat confirms gone) deleted, takes the day's snapshot and prunes old history. Any failure
 * leaves the run `interrupted`, to be resumed. The lease is released either way. Its statements
 * wait behind requests' on embedded PGlite (the background lane).
 */
export function continueSync(ctx: SyncContext, run: SyncRun): Promise<SyncRun> {
  return inBackground(() => syncPass(ctx, run));
}

async function syncPass(ctx: SyncContext, run: SyncRun): Promise<SyncRun> {
  const paging: PagingContext = {
    codat: ctx.codat,
    logger: ctx.logger,
    settings: ctx.settings,
    sleep: ctx.sleep,
    keepAlive: async () => void (await ctx.store.acquireLease(lease(ctx))),
  };
  const started = performance.now();
  const longestHoldMs = () => ctx.store.longestBackgroundHold().catch(() => undefined);
  // Counted from here: what the last run's summaries held since is not this run's.
  await longestHoldMs();
  try {
    const baseline = (await ctx.store.lastCompletedRun()) === undefined;
    if (baseline) await ctx.store.deferIndexes();
    await writePages(ctx, paging, run, baseline);
    // Before a first load the mirror held nothing (or only what an abandoned load wrote; the next
    // sync reconciles that), so there is nothing the pass could have missed.
    const reconciled = baseline ? { deleted: 0, changes: 0 } : await reconcileMissing(ctx, run);
    const now = new Date(ctx.now());
    const chores = await ctx.store.finishPass({
      day: utcDay(now),
      runId: run.id,
      at: now,
      pruneBefore: monthsBefore(now, ctx.settings.retentionMonths),
      firstLoad: baseline,
      requestsFirst: async () => ctx.yieldToRequests?.(CHORES_REQUESTS_FIRST_MAX_WAIT_MS),
    });
    const finished = await ctx.store.finishRun(run.id, ctx.holder, {
      status: 'completed',
      finishedAt: new Date(ctx.now()),
      deletedCompanies: reconciled.deleted,
      changes: reconciled.changes,
      longestHoldMs: await longestHoldMs(),
    });
    warnOfLongHold(ctx, finished);
    ctx.logger.info({ runId: run.id, pages: finished.pages, changes: finished.changes, deletedCompanies: reconciled.deleted, ...chores, ms: Math.round(performance.now() - started) }, 'mirror sync completed');
    return finished;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.logger.warn({ runId: run.id, err: { message } }, 'mirror sync interrupted; the next run resumes it');
    return await ctx.store.finishRun(run.id, ctx.holder, { status: 'interrupted', finishedAt: new Date(ctx.now()), error: message, longestHoldMs: await longestHoldMs() });
  } finally {
    await ctx.store.releaseLease(ctx.holder).catch(() => undefined);
  }
}

/** Embedded PGlite runs one statement at a time: a run that held it for seconds kept requests made meanwhile waiting that long. */
function warnOfLongHold(ctx: SyncContext, run: SyncRun): void {
  if (run.longestHoldMs === null || run.longestHoldMs < NOTICEABLE_HOLD_MS) return;
  ctx.logger.warn(
    { runId: run.id, longestHoldMs: run.longestHoldMs, companies: run.companies },
    `mirror sync: held the embedded database for up to ${(run.longestHoldMs / 1000).toFixed(1)} s at a time, and requests made meanwhile waited for it; for a fleet of ${run.companies} companies run the console on PostgreSQL (DATABASE_URL)`,
  );
}
