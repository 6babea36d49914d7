import type { Context } from 'hono';
import '../auth/context.js';
import type { Db } from '../db/database.js';
import type { AuditActor, AuditEntry } from './audit-log.js';

export interface RecordOptions {
  /** A transaction to write in, so the entry and the change commit together. */
  db?: Db;
  /** Who acted, when no one is signed in yet (sign-in attempts). */
  actor?: AuditActor;
}

export interface RequestAudit {
  /** Writes one entry before the response is sent; throws 503 `audit_unavailable` when it cannot. */
  record(entry: AuditEntry, options?: RecordOptions): Promise<number | undefined>;
}

/** The audit log bound to this request: actor, request id, client IP and user agent filled in. */
export function audit(c: Context): RequestAudit {
  const log = c.get('auditLog');
  if (!log) throw new Error('audit(c) used outside /api: the access middleware binds the audit log');
  const staff = c.get('staff');
  const request = { requestId: c.get('requestId'), ...c.get('client') };
  return {
    record: async (entry, options = {}) => {
      const id = await log.append(entry, options.actor ?? (staff ? { id: staff.id, email: staff.email, role: staff.role } : {}), request, options.db);
      c.set('audited', true);
      return id;
    },
  };
}
