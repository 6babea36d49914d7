import type { AuditOutcome } from '@console/contracts';
import type { AuditLog, AuditTarget } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import type { BffDeps } from '../deps.js';
import { CHECKS, type Finding } from './checks.js';
import { claimDueActions, closeAction, type OpenAction } from './open-actions.js';

export interface ResolverSettings {
  /**
   * How long after an action started Codat may still apply it (a request it received before the
   * console gave up): only past this does "not in Codat" mean it did not happen.
   */
  settleMs: number;
  /** How often each replica looks for actions due a check. */
  sweepIntervalMs: number;
}

const BATCH = 20;
const MAX_BACKOFF_MS = 60_000;

/** When to look again at an action checked `checks` times: 1 s, 2 s, 4 s… up to a minute (as claimDueActions does). */
export function nextCheckDelayMs(checks: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, checks - 1));
}

/** Called once an action is resolved, so its area can follow up (a created company enters the mirror, say). */
export type ResolvedListener = (action: OpenAction, outcome: 'ok' | 'failed', target: Record<string, string> | undefined) => Promise<void>;

export interface ResolverDeps extends Pick<BffDeps, 'codat' | 'now' | 'logger'> {
  database: Pick<Database, 'db'>;
  auditLog: AuditLog;
  settings: ResolverSettings;
  onResolved?: ResolvedListener;
}

interface Verdict {
  outcome: Extract<AuditOutcome, 'ok' | 'failed'>;
  reason?: string;
  finding?: Finding;
}

async function verdictOf(deps: ResolverDeps, action: OpenAction): Promise<Verdict | undefined> {
  const settled = deps.now() - action.startedAt.getTime() >= deps.settings.settleMs;
  const check = CHECKS[action.action];
  // A read (a reveal) still open after the settle time lost its replica before answering.
  if (!check) return settled ? { outcome: 'failed', reason: 'The console stopped before answering, so nothing was shown.' } : undefined;
  const finding = await check(deps, action);
  if (finding.applied) return { outcome: 'ok', finding };
  return settled ? { outcome: 'failed', reason: 'Codat did not answer in time, and checking Codat afterwards shows it did not happen.', finding } : undefined;
}

/**
 * Looks in Codat for one open action and, once it can tell, writes the final audit outcome
 * (the original actor's, linked to the attempt) and closes it. Answers whether it was resolved.
 */
export async function resolveAction(deps: ResolverDeps, action: OpenAction): Promise<boolean> {
  let verdict: Verdict | undefined;
  try {
    verdict = await verdictOf(deps, action);
  } catch (error) {
    deps.logger.warn({ err: error, attemptId: action.attemptId, action: action.action }, 'could not check an open action in Codat; will try again');
    return false;
  }
  if (!verdict) return false;
  const found = verdict.finding?.applied ? verdict.finding : undefined;
  const written = await deps.database.db.transaction(async (tx) => {
    const id = await deps.auditLog.append(
      {
        action: action.action,
        outcome: verdict.outcome,
        attemptId: action.attemptId,
        target: { ...action.target, ...found?.target } as AuditTarget,
        reason: verdict.reason,
        details: { resolvedBy: 'codat-check', checks: action.checks, ...found?.details },
      },
      action.actor as Parameters<AuditLog['append']>[1],
      {},
      tx,
    );
    await closeAction(tx, action.attemptId);
    return id !== undefined;
  });
  // The request itself, or another replica, recorded the outcome first.
  if (!written) return true;
  deps.logger.info({ attemptId: action.attemptId, action: action.action, outcome: verdict.outcome }, 'open action resolved');
  await deps.onResolved?.(action, verdict.outcome, found?.target).catch((error: unknown) =>
    deps.logger.warn({ err: error, attemptId: action.attemptId }, 'follow-up of a resolved action failed'),
  );
  return true;
}

/**
 * One sweep: claims the actions due a check (all open ones at start, `everything`) and resolves
 * what it can. Answers how many it resolved.
 */
export async function sweepOpenActions(deps: ResolverDeps, everything = false): Promise<number> {
  let resolved = 0;
  const seen = new Set<number>();
  for (;;) {
    const claimed = await claimDueActions(deps.database, new Date(deps.now()), BATCH, everything);
    const fresh = claimed.filter((action) => !seen.has(action.attemptId));
    if (fresh.length === 0) return resolved;
    for (const action of fresh) {
      seen.add(action.attemptId);
      if (await resolveAction(deps, action)) resolved += 1;
    }
  }
}
