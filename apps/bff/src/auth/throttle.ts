import { and, eq, gt, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { likeStartsWith } from '../db/like.js';
import { sessions, signInThrottle } from '../db/schema/index.js';
import type { AuthSettings } from './settings.js';

const timestamp = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The first account-wide delay; each further failure doubles it, up to `accountDelayMaxMs`. */
export const ACCOUNT_DELAY_BASE_MS = 1000;

/**
 * What one failed sign-in counts against. The pair (account, client address) and the client
 * address lock for `lockoutMs` at their limits. The account as a whole is never locked, only
 * slowed down, so failures from elsewhere cannot lock its owner out: past the pair limit (more
 * failures than one address may make) each failure delays the next attempt, doubling from
 * ACCOUNT_DELAY_BASE_MS up to `accountDelayMaxMs`, and addresses the account has signed in from
 * before are not delayed at all.
 */
export interface ThrottleKeys {
  pair: string;
  address?: string;
  account: string;
}

const pairPrefix = (email: string) => `pair:${email} `;

export function throttleKeys(email: string, ip: string | undefined): ThrottleKeys {
  return { pair: `${pairPrefix(email)}${ip ?? '-'}`, ...(ip ? { address: `ip:${ip}` } : {}), account: `account:${email}` };
}

/** The locks and delays in force on `keys`, by key. */
export async function locksInForce(db: Db, keys: ThrottleKeys, now: Date): Promise<Map<string, Date>> {
  const rows = await db
    .select({ key: signInThrottle.key, lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, Object.values(keys)), gt(signInThrottle.lockedUntil, now)));
  return new Map(rows.map((row) => [row.key, row.lockedUntil!]));
}

/** Whether the account has signed in from `ip` before (any session, ended or not). */
export async function knownAddress(db: Db, userId: string, ip: string | undefined): Promise<boolean> {
  if (!ip) return false;
  const rows = await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.userId, userId), eq(sessions.ip, ip))).limit(1);
  return rows.length > 0;
}

/**
 * Counts a failed sign-in against a key in one statement, so replicas counting at once do not
 * lose failures. Failures older than the window start a new count. Reaching `limit` locks for
 * `lockoutMs`, or with `progressive`, delays the next attempt by a doubling, bounded time.
 */
export async function recordFailure(db: Db, key: string, limit: number, now: Date, settings: AuthSettings, progressive = false): Promise<void> {
  const windowStart = new Date(now.getTime() - settings.lockoutMs);
  const stale = sql`${signInThrottle.windowStartedAt} <= ${timestamp(windowStart)}`;
  const failures = sql`case when ${stale} then 1 else ${signInThrottle.failures} + 1 end`;
  const lockMs = (count: SQL) =>
    progressive ? sql`least(${ACCOUNT_DELAY_BASE_MS} * power(2, ${count} - ${limit}), ${settings.accountDelayMaxMs})` : sql`${settings.lockoutMs}`;
  const lockEnd = (count: SQL) => sql`${timestamp(now)} + ${lockMs(count)} * interval '1 millisecond'`;
  await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: limit <= 1 ? sql`${lockEnd(sql`1`)}` : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${stale} then ${timestamp(now)} else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${limit} then ${lockEnd(failures)} else ${signInThrottle.lockedUntil} end`,
      },
    });
}

/** A successful sign-in forgives the failures of its pair (not the address's or the account's), and sweeps out counts nobody needs any more. */
export async function forgiveFailures(db: Db, key: string, now: Date, settings: AuthSettings): Promise<void> {
  const windowStart = new Date(now.getTime() - settings.lockoutMs);
  const stale = and(lte(signInThrottle.windowStartedAt, windowStart), or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, now)));
  await db.delete(signInThrottle).where(or(eq(signInThrottle.key, key), stale));
}

const ofAccount = (email: string) => or(eq(signInThrottle.key, `account:${email}`), like(signInThrottle.key, likeStartsWith(pairPrefix(email))));

/** When the latest lock or delay on each account (from any address) ends, for those with one in force. */
export async function accountLocks(db: Db, emails: string[], now: Date): Promise<Map<string, Date>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({ key: signInThrottle.key, lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(and(gt(signInThrottle.lockedUntil, now), or(...emails.map(ofAccount))));
  const locks = new Map<string, Date>();
  for (const { key, lockedUntil } of rows) {
    const email = emails.find((candidate) => key === `account:${candidate}` || key.startsWith(pairPrefix(candidate)))!;
    if (!locks.has(email) || locks.get(email)! < lockedUntil!) locks.set(email, lockedUntil!);
  }
  return locks;
}

/** Forgets an account's failures from every address (an admin's unlock); answers how many counts were cleared. */
export async function unlockAccount(db: Db, email: string): Promise<number> {
  return (await db.delete(signInThrottle).where(ofAccount(email)).returning({ key: signInThrottle.key })).length;
}
