import type { AuditEventRecord, AuditOutcome, Role } from '@console/contracts';
import type { auditEvents } from '../../db/schema/index.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;

export function toAuditEventRecord(row: AuditEventRow): AuditEventRecord {
  return {
    ...row,
    at: row.at.toISOString(),
    actorRole: row.actorRole as Role | null,
    outcome: row.outcome as AuditOutcome,
    details: row.details ?? null,
  };
}

/** The CSV export's columns, in order: every field of the record. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actorId',
  'actorEmail',
  'actorRole',
  'action',
  'outcome',
  'reason',
  'attemptId',
  'companyId',
  'companyName',
  'connectionId',
  'sourceAccountId',
  'details',
  'requestId',
  'codatCorrelationId',
  'ip',
  'userAgent',
] as const satisfies ReadonlyArray<keyof AuditEventRecord>;
