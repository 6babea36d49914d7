import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { time } from './columns.js';

/** Staff who sign in to the console: local (password) and SSO accounts. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey(),
    /** Stored lower-cased: sign-in and uniqueness ignore case. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** scrypt hash; null for SSO-only accounts. */
    passwordHash: text('password_hash'),
    /** `<issuer> <sub>` of the OpenID Connect identity last used by this account. */
    ssoSubject: text('sso_subject').unique(),
    disabledAt: time('disabled_at'),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
    lastSignInAt: time('last_sign_in_at'),
  },
  (table) => [check('staff_users_role', sql`${table.role} in ('customer_success', 'support', 'finance', 'admin')`)],
);

/** Server-side sessions. The id is the SHA-256 of the cookie's token, so a database read does not yield live cookies. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id),
    csrfToken: text('csrf_token').notNull(),
    method: text('method').notNull(),
    createdAt: time('created_at').notNull(),
    lastSeenAt: time('last_seen_at').notNull(),
    /** The absolute limit; the idle limit is counted from lastSeenAt. */
    expiresAt: time('expires_at').notNull(),
    revokedAt: time('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_user').on(table.userId), index('sessions_expires').on(table.expiresAt)],
);

/** Failed sign-ins per account (`account:<email>`) and per client (`ip:<address>`), shared by every replica. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: time('window_started_at').notNull(),
  lockedUntil: time('locked_until'),
});

/** An OpenID Connect sign-in in progress, found again by the browser's flow cookie (its SHA-256 is the id). */
export const ssoFlows = pgTable('sso_flows', {
  id: text('id').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  expiresAt: time('expires_at').notNull(),
});

/** Console-wide settings an admin changes at run time (e.g. whether password sign-in is offered). */
export const consoleSettings = pgTable('console_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: time('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});
