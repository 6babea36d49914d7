import type { CodatClient } from '@console/codat-client';
import { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../observability/logger.js';
import type { Job, JobItem } from './model.js';
import { claimJob, completeJob, openItems, releaseAllLeases, releaseLease, renewLease, type Lease } from './store.js';
import { LeaseLost, workItem } from './work-item.js';

export interface JobSettings {
  /** Items worked at once by one replica (the Codat client also caps requests per company and in all). */
  concurrency: number;
  /** How long a job's lease lasts unrenewed; longer than a Codat call may take. */
  leaseMs: number;
  /** How often an idle replica looks for a job to work. */
  pollMs: number;
  /**
   * An `attempted` item not in flight here is looked up in Codat only this long after its
   * calls began: a call a dead replica sent has timed out by then and cannot land later.
   */
  resolveAfterMs: number;
}

/** A call a dead replica sent can still land until its timeout has passed: twice it, and 10 s more (40 s at Codat's 15 s). */
export function jobSettings(codatTimeoutMs: number): JobSettings {
  return { concurrency: 24, leaseMs: 60_000, pollMs: 2_000, resolveAfterMs: 2 * codatTimeoutMs + 10_000 };
}

export const JOB_DEFAULTS: JobSettings = jobSettings(15_000);

export interface JobRunnerContext {
  db: Db;
  codat: CodatClient;
  logger: Logger;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  holder: string;
  settings: JobSettings;
}

export interface JobRunner {
  /**
   * Looks for work every `pollMs`. `soleProcess`: the database is this process's alone (embedded
   * PGlite), so a job's lease can only be the previous process's, dead with it: released at once.
   */
  start(options?: { soleProcess?: boolean }): void;
  /** Looks for work now (a job was just created or resumed). */
  kick(): void;
  /** Stops taking items; answers once the items in flight are written. */
  stop(): Promise<void>;
  /** Claims one job and works it until it ends or the lease is lost; false when there was none. */
  runOnce(): Promise<boolean>;
}

export function createJobRunner(ctx: JobRunnerContext): JobRunner {
  const audit = new AuditLog(ctx.db, ctx.now, ctx.logger);
  const lease = (): Lease => ({ holder: ctx.holder, now: new Date(ctx.now()), ttlMs: ctx.settings.leaseMs });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<boolean> | undefined;

  const isDue = (item: JobItem) =>
    item.status === 'pending' || ctx.now() - (item.attemptedAt?.getTime() ?? 0) >= ctx.settings.resolveAfterMs;

  async function work(job: Job): Promise<void> {
    const inFlight = new Map<number, Promise<void>>();
    /** Items whose last try failed unexpectedly (Codat unreachable, say) wait a poll before the next. */
    const notBefore = new Map<number, number>();
    let holding = true;
    const renew = setInterval(() => {
      void renewLease(ctx.db, job.id, lease()).then(
        (renewed) => (holding &&= renewed),
        () => undefined,
      );
    }, Math.min(ctx.settings.leaseMs / 3, ctx.settings.pollMs));
    const itemContext = { db: ctx.db, codat: ctx.codat, audit, lease, sleep: ctx.sleep };
    try {
      while (holding && !stopped) {
        const open = await openItems(ctx.db, job.id, ctx.settings.concurrency * 4);
        const startable = open.filter((item) => !inFlight.has(item.seq) && isDue(item) && (notBefore.get(item.seq) ?? 0) <= ctx.now());
        if (open.length === 0) break;
        for (const item of startable.slice(0, ctx.settings.concurrency - inFlight.size)) {
          const working = workItem(itemContext, job, item)
            .catch((error: unknown) => {
              if (error instanceof LeaseLost) holding = false;
              else {
                notBefore.set(item.seq, ctx.now() + ctx.settings.pollMs);
                ctx.logger.error({ err: error, jobId: job.id, seq: item.seq }, 'job item failed; it stays open and is tried again');
              }
            })
            .finally(() => inFlight.delete(item.seq));
          inFlight.set(item.seq, working);
        }
        if (inFlight.size > 0) await Promise.race(inFlight.values());
        else await ctx.sleep(Math.min(ctx.settings.pollMs, ctx.settings.resolveAfterMs));
      }
      await Promise.all(inFlight.values());
    } finally {
      clearInterval(renew);
    }
    if (!(await completeJob(ctx.db, job.id, ctx.holder, new Date(ctx.now())))) await releaseLease(ctx.db, job.id, ctx.holder);
  }

  const runOnce = async (): Promise<boolean> => {
    if (current || stopped) return false;
    current = (async () => {
      const job = await claimJob(ctx.db, lease());
      if (!job) return false;
      await work(job);
      return true;
    })().finally(() => (current = undefined));
    return current;
  };

  const check = async () => {
    try {
      while (await runOnce());
    } catch (error) {
      ctx.logger.error({ err: error instanceof Error ? { message: error.message } : error }, 'job check failed');
    } finally {
      if (!stopped) schedule(ctx.settings.pollMs);
    }
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), ms);
    timer.unref();
  };

  return {
    start: ({ soleProcess = false } = {}) => {
      if (!soleProcess) return schedule(ctx.settings.pollMs);
      releaseAllLeases(ctx.db).then(
        () => schedule(0),
        (error: unknown) => {
          ctx.logger.error({ err: error instanceof Error ? { message: error.message } : error }, 'could not release the previous process’s job leases');
          schedule(ctx.settings.pollMs);
        },
      );
    },
    kick: () => {
      if (!current && !stopped) schedule(0);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current?.catch(() => undefined);
    },
    runOnce,
  };
}
