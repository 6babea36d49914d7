import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { signInThrottle } from '../db/schema/index.js';
import type { AuthSettings } from './settings.js';

const timestamp = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The throttle keys a sign-in attempt counts against, each with its limit. */
export function throttleKeys(email: string, ip: string | undefined, settings: AuthSettings): Array<{ key: string; limit: number }> {
  return [
    { key: `account:${email}`, limit: settings.maxFailuresPerAccount },
    ...(ip ? [{ key: `ip:${ip}`, limit: settings.maxFailuresPerIp }] : []),
  ];
}

/** When the latest lock-out on any of `keys` ends, if one is in force. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | undefined> {
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.lockedUntil, now)));
  const ends = rows.map((row) => row.lockedUntil!.getTime());
  return ends.length ? new Date(Math.max(...ends)) : undefined;
}

/**
 * Counts a failed sign-in against a key in one statement, so replicas counting at once do not
 * lose failures. Failures older than the window start a new count; reaching the limit locks.
 */
export async function recordFailure(db: Db, key: string, limit: number, now: Date, settings: AuthSettings): Promise<void> {
  const windowStart = new Date(now.getTime() - settings.lockoutMs);
  const lockEnd = new Date(now.getTime() + settings.lockoutMs);
  const stale = sql`${signInThrottle.windowStartedAt} <= ${timestamp(windowStart)}`;
  const failures = sql`case when ${stale} then 1 else ${signInThrottle.failures} + 1 end`;
  await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: limit <= 1 ? lockEnd : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${stale} then ${timestamp(now)} else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${limit} then ${timestamp(lockEnd)} else ${signInThrottle.lockedUntil} end`,
      },
    });
}

/** A successful sign-in forgives the account's failures (not the client's), and sweeps out counts nobody needs any more. */
export async function forgiveFailures(db: Db, key: string, now: Date, settings: AuthSettings): Promise<void> {
  const windowStart = new Date(now.getTime() - settings.lockoutMs);
  const stale = and(lte(signInThrottle.windowStartedAt, windowStart), or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, now)));
  await db.delete(signInThrottle).where(or(eq(signInThrottle.key, key), stale));
}
