import { AUDIT_OUTCOMES, ROLES } from '@console/contracts';
import { z } from 'zod';
import { uuid } from '../../http/params.js';

export const AUDIT_EVENT_SORT_FIELDS = ['id', 'at'] as const;

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((text) => new Date(text))
  .describe('ISO 8601 date or date-time');
const actionName = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9.-]*$/, 'actions look like staff.update');
const eventId = z.number().int().positive();

export const auditEventFilterSchema = z.strictObject({
  /** A staff id, or text the actor's email contains. */
  actor: z.string().trim().min(1).max(320).optional(),
  action: z.union([actionName, z.array(actionName).min(1).max(50)]).optional(),
  companyId: uuid.optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  /** Entries at or after this time. */
  from: instant.optional(),
  /** Entries before this time. */
  to: instant.optional(),
  id: z.union([eventId, z.array(eventId).min(1).max(1000)]).optional(),
});
export type AuditEventFilter = z.infer<typeof auditEventFilterSchema>;

export const auditEventRecordSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.enum(ROLES).nullable(),
  action: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  reason: z.string().nullable(),
  attemptId: z.number().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  connectionId: z.string().nullable(),
  sourceAccountId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  codatCorrelationId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
