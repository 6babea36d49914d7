import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { time } from './columns.js';

/**
 * `Idempotency-Key`s of state-changing /api requests, per staff member: the first request's
 * answer is replayed to every repeat. `attemptId` links the audit attempt the request wrote, in
 * the same transaction, so a repeat after a crash finds out whether Codat may have been called.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    /** `METHOD /path` of the first request. */
    route: text('route').notNull(),
    /** SHA-256 of method, path, query and body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    /** `running` until the first request answers; a running key whose lease ended lost its replica. */
    state: text('state').notNull(),
    leaseUntil: time('lease_until').notNull(),
    attemptId: bigint('attempt_id', { mode: 'number' }),
    status: integer('status'),
    contentType: text('content_type'),
    body: text('body'),
    createdAt: time('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.actorId, table.key] }), index('idempotency_keys_created').on(table.createdAt)],
);

/**
 * Actions that reached (or may have reached) Codat and have no final audit outcome yet: the
 * request is running, or its outcome is unknown (timeout, lost connection, crashed replica).
 * Written with the audit attempt and deleted with the final outcome, so what is here is exactly
 * what still has to be resolved by looking in Codat.
 */
export const openActions = pgTable(
  'open_actions',
  {
    attemptId: bigint('attempt_id', { mode: 'number' }).primaryKey(),
    action: text('action').notNull(),
    /** The audit target and what was sent to Codat (operation id, platform, account id…): enough to find the result. */
    target: jsonb('target').$type<Record<string, string>>().notNull(),
    sent: jsonb('sent').$type<Record<string, unknown>>().notNull(),
    actor: jsonb('actor').$type<{ id?: string; email?: string; role?: string }>().notNull(),
    startedAt: time('started_at').notNull(),
    /** Set when the request ended without an answer from Codat. */
    unknownSince: time('unknown_since'),
    nextCheckAt: time('next_check_at').notNull(),
    checks: integer('checks').notNull().default(0),
  },
  (table) => [index('open_actions_next_check').on(table.nextCheckAt)],
);

/**
 * One live company creation per normalised name and per merchant id (`name:…`, `merchant:…`),
 * shared by every replica: a second creation for the same customer finds the row instead of
 * racing the first past the possible-duplicate check. A row stays after the creation for
 * RECENT_CREATION_MS, so the new company is a candidate even before Codat's search shows it.
 */
export const companyReservations = pgTable('company_reservations', {
  key: text('key').primaryKey(),
  attemptId: bigint('attempt_id', { mode: 'number' }).notNull(),
  companyName: text('company_name').notNull(),
  /** Set once the company exists. */
  companyId: text('company_id'),
  expiresAt: time('expires_at').notNull(),
});
