import type { Role } from './permissions.js';

/**
 * attempt: written before an action that changes Codat; its outcome entry follows. unknown: Codat
 * did not answer (timeout, lost connection), so the action may have happened; a final `ok` or
 * `failed` follows once the console has looked in Codat.
 */
export const AUDIT_OUTCOMES = ['attempt', 'ok', 'refused', 'failed', 'unknown'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One entry of the append-only audit log (`GET /api/audit-events`). */
export interface AuditEventRecord {
  /** Increases with every entry. */
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: Role | null;
  /** `<area>.<verb>`, e.g. `auth.login`, `staff.update`, `access.refused`, `audit.export`. */
  action: string;
  outcome: AuditOutcome;
  reason: string | null;
  /** On an outcome entry: the id of its attempt entry. */
  attemptId: number | null;
  companyId: string | null;
  /** The company's name when the entry was written. */
  companyName: string | null;
  connectionId: string | null;
  sourceAccountId: string | null;
  details: Record<string, unknown> | null;
  requestId: string | null;
  codatCorrelationId: string | null;
  ip: string | null;
  userAgent: string | null;
}
