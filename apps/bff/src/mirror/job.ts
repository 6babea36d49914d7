import type { SyncRun, SyncTrigger } from './store.js';
import { beginSync, continueSync, type SyncContext } from './sync.js';

/** How often a replica looks whether a sync is due (or an interrupted one waits to resume). */
const CHECK_EVERY_MS = 60_000;
const FIRST_CHECK_MS = 5_000;

export interface MirrorJob {
  /** Checks on a timer whether a sync is due; does nothing when the interval is 0. */
  start(): void;
  /** Stops the timer and lets the run in progress stop after its current page. */
  stop(): Promise<void>;
  /**
   * Starts (or resumes) a run on this replica and answers once it is under way; undefined when
   * another replica holds the lease. `done` settles when the run ends.
   */
  runNow(trigger?: SyncTrigger): Promise<{ run: SyncRun; done: Promise<SyncRun> } | undefined>;
  /** The run under way on this replica, if any. */
  running(): Promise<SyncRun> | undefined;
}

export function createMirrorJob(ctx: SyncContext): MirrorJob {
  const controller = new AbortController();
  const context: SyncContext = { ...ctx, signal: controller.signal };
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<SyncRun> | undefined;

  const runNow = async (trigger: SyncTrigger = 'manual') => {
    if (current || controller.signal.aborted) return undefined;
    const run = await beginSync(context, trigger);
    if (!run) return undefined;
    const done = continueSync(context, run).finally(() => {
      if (current === done) current = undefined;
    });
    current = done;
    return { run, done };
  };

  /** Due when no run has completed within the interval, or an interrupted run waits to resume. */
  const isDue = async () => {
    const now = ctx.now();
    if (await ctx.store.unfinishedRun(new Date(now - ctx.settings.resumeWithinMs))) return true;
    const last = await ctx.store.lastCompletedRun();
    return !last?.finishedAt || now - last.finishedAt.getTime() >= ctx.settings.intervalMs;
  };

  const check = async () => {
    try {
      if (!current && (await isDue())) await (await runNow('schedule'))?.done;
    } catch (error) {
      ctx.logger.error({ err: error instanceof Error ? { message: error.message } : error }, 'mirror sync check failed');
    } finally {
      if (!controller.signal.aborted) schedule(Math.min(CHECK_EVERY_MS, ctx.settings.intervalMs));
    }
  };

  const schedule = (ms: number) => {
    timer = setTimeout(() => void check(), ms);
    timer.unref();
  };

  return {
    start: () => {
      if (ctx.settings.intervalMs > 0 && !timer) schedule(FIRST_CHECK_MS);
    },
    stop: async () => {
      controller.abort();
      clearTimeout(timer);
      await current?.catch(() => undefined);
    },
    runNow,
    running: () => current,
  };
}
