import type { AuditOutcome, Role } from '@console/contracts';
import type { Db } from '../db/database.js';
import { auditEvents } from '../db/schema/index.js';
import { ApiError } from '../http/api-error.js';
import { escapeControlCharacters } from '../http/text.js';
import type { Logger } from '../observability/logger.js';

/** What an action touched. The company name is the one it had at the time. */
export interface AuditTarget {
  companyId?: string;
  companyName?: string;
  connectionId?: string;
  sourceAccountId?: string;
}

export interface AuditActor {
  id?: string;
  email?: string;
  role?: Role;
}

export interface AuditRequest {
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

export interface AuditEntry {
  /** `<area>.<verb>`: `company.create`, `link-url.reveal`, `staff.update`, … */
  action: string;
  outcome: AuditOutcome;
  target?: AuditTarget;
  reason?: string;
  codatCorrelationId?: string;
  /** On an outcome entry, the id of the attempt entry it closes. */
  attemptId?: number;
  details?: Record<string, unknown>;
}

/** `value` with control characters escaped in every string and key: PostgreSQL text and jsonb cannot hold NUL. */
function storable<T>(value: T): T {
  if (typeof value === 'string') return escapeControlCharacters(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [escapeControlCharacters(key), storable(item)])) as T;
  }
  return value;
}

export const auditUnavailable = (message: string) => new ApiError(503, 'audit_unavailable', message);

/** Appends entries to the audit log. A failed write throws a 503: nothing is done unrecorded. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  /**
   * Writes one entry and answers its id; pass a transaction as `db` to make it part of one. An
   * attempt has one final outcome: when another replica (or the resolver) wrote it first, nothing
   * is written and the answer is undefined.
   */
  async append(entry: AuditEntry, actor: AuditActor, request: AuditRequest, db: Db = this.db): Promise<number | undefined> {
    try {
      const [row] = await db
        .insert(auditEvents)
        .values(storable({
          at: new Date(this.now()),
          actorId: actor.id,
          actorEmail: actor.email,
          actorRole: actor.role,
          action: entry.action,
          outcome: entry.outcome,
          reason: entry.reason?.slice(0, 2000),
          attemptId: entry.attemptId,
          ...entry.target,
          details: entry.details,
          requestId: request.requestId,
          codatCorrelationId: entry.codatCorrelationId,
          ip: request.ip,
          userAgent: request.userAgent,
        }))
        .onConflictDoNothing()
        .returning({ id: auditEvents.id });
      return row?.id;
    } catch (error) {
      this.logger.error({ err: error, action: entry.action, outcome: entry.outcome, requestId: request.requestId }, 'audit log write failed');
      throw auditUnavailable('The audit log cannot be written right now, so the console did not do this. Try again shortly.');
    }
  }
}
