import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { time } from './columns.js';

/** The append-only audit log; a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: time('at').notNull(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    /** On an outcome entry: the attempt entry written before Codat was called. */
    attemptId: bigint('attempt_id', { mode: 'number' }),
    companyId: text('company_id'),
    companyName: text('company_name'),
    connectionId: text('connection_id'),
    sourceAccountId: text('source_account_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    codatCorrelationId: text('codat_correlation_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [
    check('audit_events_outcome', sql`${table.outcome} in ('attempt', 'ok', 'refused', 'failed', 'unknown')`),
    index('audit_events_at').on(table.at),
    index('audit_events_actor').on(table.actorId),
    index('audit_events_action').on(table.action),
    index('audit_events_company').on(table.companyId),
    // One final outcome per attempt, and one `unknown`: a replica resolving an attempt and the request itself cannot both write one.
    uniqueIndex('audit_events_final_outcome').on(table.attemptId).where(sql`${table.outcome} in ('ok', 'refused', 'failed')`),
    uniqueIndex('audit_events_unknown_outcome').on(table.attemptId).where(sql`${table.outcome} = 'unknown'`),
  ],
);
