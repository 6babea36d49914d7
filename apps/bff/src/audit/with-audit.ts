import { CodatError } from '@console/codat-client';
import type { AuditOutcome } from '@console/contracts';
import type { Context } from 'hono';
import { ApiError } from '../http/api-error.js';
import { auditUnavailable, type AuditTarget } from './audit-log.js';
import { audit } from './record.js';

/** What `fn` may add while it runs: ids learnt on the way (a created company's id) and details. */
export interface AuditDraft {
  target: AuditTarget;
  details: Record<string, unknown>;
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
 * Runs an action that changes Codat between two audit entries: an `attempt` written before
 * (no attempt entry, no action: a 503), then `ok`, or `refused`/`failed` with the reason and
 * Codat's correlation id. A crash in between leaves the attempt as evidence. Errors are rethrown.
 */
export async function withAudit<T>(c: Context, action: string, target: AuditTarget, fn: (draft: AuditDraft) => Promise<T>): Promise<T> {
  const log = audit(c);
  const draft: AuditDraft = { target: { ...target }, details: {} };
  const attemptId = await log.record({ action, outcome: 'attempt', target });
  const details = () => (Object.keys(draft.details).length ? draft.details : undefined);
  let result: T;
  try {
    result = await fn(draft);
  } catch (error) {
    // The original error is the answer; a failed outcome write is logged by the audit log itself.
    await log.record({ action, attemptId, target: draft.target, details: details(), ...describeFailure(error) }).catch(() => undefined);
    throw error;
  }
  try {
    await log.record({ action, outcome: 'ok', attemptId, target: draft.target, details: details() });
  } catch {
    throw auditUnavailable(
      'This was done, but its outcome could not be written to the audit log (its attempt was). Do not repeat it; tell an administrator.',
    );
  }
  return result;
}
