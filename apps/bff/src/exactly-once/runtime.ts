import { AuditLog } from '../audit/audit-log.js';
import type { BffDeps } from '../deps.js';
import { deleteExpiredReservations } from '../resources/companies/reservations.js';
import { FOLLOW_UPS } from './follow-ups.js';
import { deleteKeysBefore, expireRunningKeys } from './idempotency-store.js';
import { readOpenAction } from './open-actions.js';
import { nextCheckDelayMs, resolveAction, sweepOpenActions, type ResolverDeps } from './resolve.js';
import { RESOLVER_DEFAULTS } from './settings.js';

export interface OutcomeResolver {
  /**
   * Resolves every open action it can now (all of them at start), then sweeps on an interval.
   * `soleProcess`: the database is this process's alone (embedded PGlite), so keys still running
   * belong to requests that died with the previous process and are released at once.
   */
  start(options?: { soleProcess?: boolean }): void;
  stop(): Promise<void>;
  /** Watches one action whose outcome just became unknown until Codat settles it. */
  watch(attemptId: number): void;
  /** One sweep of the actions due a check; answers how many were resolved. */
  sweep(everything?: boolean): Promise<number>;
  readonly settleMs: number;
}

/** Idempotency keys are kept at least 24 hours, as the API reference promises. */
const KEY_RETENTION_MS = 48 * 3_600_000;
const CHORES_INTERVAL_MS = 3_600_000;

const resolvers = new WeakMap<BffDeps, OutcomeResolver>();

/** One resolver per app (per `deps`), shared by its routes and its start-up. */
export function outcomeResolver(deps: BffDeps): OutcomeResolver {
  let resolver = resolvers.get(deps);
  if (!resolver) resolvers.set(deps, (resolver = createResolver(deps)));
  return resolver;
}

function createResolver(deps: BffDeps): OutcomeResolver {
  const settings = deps.settings.actions ?? RESOLVER_DEFAULTS;
  const resolverDeps: ResolverDeps = {
    ...deps,
    database: { db: deps.db },
    auditLog: new AuditLog(deps.db, deps.now, deps.logger),
    settings,
    onResolved: (action, outcome, target) => FOLLOW_UPS[action.action]?.(deps, action, outcome, target) ?? Promise.resolve(),
  };
  const timers = new Set<NodeJS.Timeout>();
  let running: Promise<unknown> = Promise.resolve();
  let intervals: NodeJS.Timeout[] = [];
  const later = (ms: number, fn: () => Promise<void>) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      running = fn().catch((error: unknown) => deps.logger.warn({ err: error }, 'resolving open actions failed'));
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  const sweep = (everything = false) => sweepOpenActions(resolverDeps, everything);
  const chores = async () => {
    await deleteKeysBefore(deps.db, new Date(deps.now() - KEY_RETENTION_MS));
    await deleteExpiredReservations(deps.db, new Date(deps.now()));
  };
  const every = (ms: number, fn: () => Promise<unknown>) => {
    const timer = setInterval(() => void fn().catch((error: unknown) => deps.logger.warn({ err: error }, 'open-action upkeep failed')), ms);
    timer.unref();
    intervals.push(timer);
  };

  const watch = (attemptId: number, checks = 1) =>
    later(nextCheckDelayMs(checks), async () => {
      const action = await readOpenAction(deps.db, attemptId);
      if (action && !(await resolveAction(resolverDeps, { ...action, checks }))) watch(attemptId, checks + 1);
    });

  return {
    settleMs: settings.settleMs,
    start: ({ soleProcess = false } = {}) => {
      later(0, async () => {
        if (soleProcess) await expireRunningKeys(deps.db, new Date(deps.now()));
        await sweep(true);
        await chores();
      });
      every(settings.sweepIntervalMs, sweep);
      every(CHORES_INTERVAL_MS, chores);
    },
    stop: async () => {
      for (const timer of intervals) clearInterval(timer);
      intervals = [];
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await running;
    },
    watch: (attemptId) => watch(attemptId),
    sweep,
  };
}
