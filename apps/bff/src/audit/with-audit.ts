import { CodatError } from '@console/codat-client';
import type { AuditOutcome } from '@console/contracts';
import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import { CHECKS } from '../exactly-once/checks.js';
import { linkAttempt } from '../exactly-once/idempotency-store.js';
import { ATTEMPT_LEASE_MS } from '../exactly-once/idempotency.js';
import { closeAction, markUnknown, openAction } from '../exactly-once/open-actions.js';
import { mayHaveHappened, outcomeUnknown } from '../exactly-once/unknown-outcome.js';
import { ApiError } from '../http/api-error.js';
import { auditUnavailable, type AuditTarget } from './audit-log.js';
import { audit } from './record.js';

/** What `fn` may add while it runs: ids learnt on the way (a created company's id) and details. */
export interface AuditDraft {
  target: AuditTarget;
  details: Record<string, unknown>;
  /** The attempt's audit id. */
  attemptId: number;
  /** A fresh id for this action, recorded with the attempt: a company carries it in a tag so it can be found again. */
  operationId: string;
}

export interface WithAuditOptions {
  /** What is about to be sent to Codat, beyond the target: enough to find the result there if Codat does not answer. */
  sent?: Record<string, unknown>;
}

interface Failure {
  outcome: Extract<AuditOutcome, 'refused' | 'failed'>;
  reason: string;
  codatCorrelationId?: string;
}

function describeFailure(error: unknown): Failure {
  if (error instanceof CodatError) {
    return { outcome: 'failed', reason: `Codat ${error.status}: ${error.codatError ?? error.message}`, codatCorrelationId: error.correlationId };
  }
  if (error instanceof ApiError) {
    return { outcome: error.status < 500 ? 'refused' : 'failed', reason: `${error.code}: ${error.message}`, codatCorrelationId: error.codatCorrelationId };
  }
  return { outcome: 'failed', reason: error instanceof Error ? error.message : 'unknown error' };
}

/**
 * Runs an action that changes Codat (or reveals what it holds) between audit entries. Before: an
 * `attempt`, written with an open-action row and the request's Idempotency-Key link in one
 * transaction (no attempt, no action: a 503). After: `ok`, or `refused`/`failed` with the reason
 * and Codat's correlation id. When Codat did not answer and may have applied the change, the entry
 * is `unknown`, the answer says so (504 `outcome_unknown`), and the resolver settles it by looking
 * in Codat; a crash in between leaves the open action for the resolver too. Errors are rethrown.
 */
export async function withAudit<T>(
  c: Context,
  action: string,
  target: AuditTarget,
  fn: (draft: AuditDraft) => Promise<T>,
  options: WithAuditOptions = {},
): Promise<T> {
  const log = audit(c);
  const runtime = c.get('actions');
  if (!runtime) throw new Error('withAudit(c) used outside /api: the exactly-once middleware binds the action runtime');
  const operationId = randomUUID();
  const sent = { operationId, ...options.sent };
  const startedAt = new Date(runtime.now());
  const staff = c.get('staff');
  const attemptId = await runtime.db.transaction(async (tx) => {
    const id = (await log.record({ action, outcome: 'attempt', target, details: { operationId } }, { db: tx }))!;
    await openAction(tx, {
      attemptId: id,
      action,
      target,
      sent,
      actor: staff ? { id: staff.id, email: staff.email, role: staff.role } : {},
      startedAt,
      firstCheckAt: new Date(startedAt.getTime() + runtime.settleMs),
    });
    const key = c.get('idempotencyKey');
    if (key) await linkAttempt(tx, key, id, new Date(startedAt.getTime() + ATTEMPT_LEASE_MS));
    return id;
  });
  const draft: AuditDraft = { target: { ...target }, details: {}, attemptId, operationId };
  const details = () => (Object.keys(draft.details).length ? draft.details : undefined);
  const finish = (entry: Omit<Parameters<typeof log.record>[0], 'action' | 'attemptId' | 'target' | 'details'>) =>
    runtime.db.transaction(async (tx) => {
      await log.record({ action, attemptId, target: draft.target, details: details(), ...entry }, { db: tx });
      await closeAction(tx, attemptId);
    });

  let result: T;
  try {
    result = await fn(draft);
  } catch (error) {
    if (CHECKS[action] && mayHaveHappened(error)) {
      const now = runtime.now();
      await runtime.db
        .transaction(async (tx) => {
          await log.record({ action, outcome: 'unknown', attemptId, target: draft.target, details: details(), reason: error.message, codatCorrelationId: error.correlationId }, { db: tx });
          await markUnknown(tx, attemptId, new Date(now), new Date(now + 1000));
        })
        .catch(() => undefined);
      runtime.watch(attemptId);
      throw outcomeUnknown(attemptId, error.correlationId);
    }
    // The original error is the answer; a failed outcome write is logged by the audit log itself.
    await finish(describeFailure(error)).catch(() => undefined);
    throw error;
  }
  try {
    await finish({ outcome: 'ok' });
  } catch {
    throw auditUnavailable(
      'This was done, but its outcome could not be written to the audit log (its attempt was). Do not repeat it; tell an administrator.',
    );
  }
  return result;
}
