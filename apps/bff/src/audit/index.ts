// The audit API route handlers use: `audit(c).record(…)` and `withAudit(c, …)`.
export { audit, type RecordOptions, type RequestAudit } from './record.js';
export { withAudit, type AuditDraft } from './with-audit.js';
export type { AuditEntry, AuditTarget } from './audit-log.js';
