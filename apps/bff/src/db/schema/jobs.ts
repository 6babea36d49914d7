import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { time } from './columns.js';

/**
 * Bulk jobs (src/jobs): one row per job, one per company it acts on. A job is worked by one
 * replica at a time under the lease in its own row (holder, lease_expires_at), as the mirror's
 * sync is; an item is written `attempted` before Codat is called, so a crash leaves evidence
 * that the next holder resolves by looking in Codat.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    /** What to do (data types) and on what (error group or company ids), as asked. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    createdAt: time('created_at').notNull(),
    createdById: uuid('created_by_id'),
    createdByEmail: text('created_by_email'),
    createdByRole: text('created_by_role'),
    startedAt: time('started_at'),
    finishedAt: time('finished_at'),
    holder: text('holder'),
    leaseExpiresAt: time('lease_expires_at'),
  },
  (table) => [
    check('jobs_status', sql`${table.status} in ('queued', 'running', 'cancelled', 'completed')`),
    index('jobs_open').on(table.id).where(sql`${table.status} in ('queued', 'running')`),
  ],
);

export const jobItems = pgTable(
  'job_items',
  {
    jobId: bigint('job_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    companyId: text('company_id').notNull(),
    companyName: text('company_name'),
    /** The company's Linked connections the job acts on (mirror's view at creation). */
    connectionIds: jsonb('connection_ids').$type<string[]>().notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    /** Set when the item is written `attempted`: Codat's answers are looked for after it. */
    attemptedAt: time('attempted_at'),
    auditAttemptId: bigint('audit_attempt_id', { mode: 'number' }),
    finishedAt: time('finished_at'),
    result: jsonb('result').$type<Record<string, unknown>>(),
  },
  (table) => [
    primaryKey({ columns: [table.jobId, table.seq] }),
    check('job_items_status', sql`${table.status} in ('pending', 'attempted', 'done', 'skipped', 'failed')`),
    index('job_items_open').on(table.jobId, table.seq).where(sql`${table.status} in ('pending', 'attempted')`),
  ],
);
