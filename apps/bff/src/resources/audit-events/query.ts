import { and, eq, gte, ilike, inArray, lt, type SQL } from 'drizzle-orm';
import { likeContains } from '../../db/like.js';
import { auditEvents } from '../../db/schema/index.js';
import type { AuditEventFilter } from './schemas.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOrMany = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

/** The SQL condition of a list or export filter. */
export function auditEventCondition(filter: AuditEventFilter): SQL | undefined {
  const { actor, action, companyId, outcome, from, to, id } = filter;
  return and(
    actor === undefined ? undefined : UUID.test(actor) ? eq(auditEvents.actorId, actor) : ilike(auditEvents.actorEmail, likeContains(actor)),
    action === undefined ? undefined : inArray(auditEvents.action, oneOrMany(action)),
    companyId === undefined ? undefined : eq(auditEvents.companyId, companyId),
    outcome === undefined ? undefined : eq(auditEvents.outcome, outcome),
    from === undefined ? undefined : gte(auditEvents.at, from),
    to === undefined ? undefined : lt(auditEvents.at, to),
    id === undefined ? undefined : inArray(auditEvents.id, oneOrMany(id)),
  );
}
