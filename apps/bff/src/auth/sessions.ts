import { and, eq, isNull, lt } from 'drizzle-orm';
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.js';
import { sessions, staffUsers } from '../db/schema/index.js';
import { sessionCache, type CachedSession } from './session-cache.js';
import type { AuthSettings } from './settings.js';
import type { StaffRow } from './staff-store.js';

/** The session id stored in the database: the token's hash, never the cookie's value itself. */
export const tokenHash = (token: string) => hash('sha256', token, 'hex');
export const randomToken = () => randomBytes(32).toString('base64url');

/** last_seen_at is rewritten at most this often: the idle timeout is counted to within a minute. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: StaffRow;
}

export interface SessionClient {
  ip?: string;
  userAgent?: string;
}

/** A new session with a fresh id and CSRF token; the token is the cookie's value. */
export async function createSession(
  db: Db,
  user: { id: string },
  method: 'password' | 'sso',
  client: SessionClient,
  now: Date,
  settings: AuthSettings,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.insert(sessions).values({
    id: tokenHash(token),
    userId: user.id,
    csrfToken,
    method,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + settings.sessionAbsoluteMs),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500),
  });
  return { token, csrfToken };
}

/**
 * The live session behind a cookie token: not revoked, within both its idle and its absolute
 * limit, of an enabled account. Using it counts as activity.
 */
export async function findActiveSession(db: Db, token: string, now: Date, settings: AuthSettings): Promise<ActiveSession | undefined> {
  const id = tokenHash(token);
  const read = async (): Promise<CachedSession | undefined> => {
    const readAtMs = Date.now();
    const [row] = await db
      .select({ session: sessions, user: staffUsers })
      .from(sessions)
      .innerJoin(staffUsers, eq(sessions.userId, staffUsers.id))
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
    return row && { ...row.session, user: row.user, readAtMs };
  };
  const session = settings.sessionCacheMs > 0 ? (sessionCache.get(id, settings.sessionCacheMs) ?? (await sessionCache.read(id, read))) : await read();
  if (!session) return undefined;
  const { user } = session;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (user.disabledAt || session.expiresAt <= now || idleFor >= settings.sessionIdleMs) {
    sessionCache.forget(id);
    return undefined;
  }
  if (idleFor >= TOUCH_INTERVAL_MS) {
    // Noted first, so the requests that arrive together write it once.
    session.lastSeenAt = now;
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { id, csrfToken: session.csrfToken, user };
}

export const forgetSession = (token: string) => sessionCache.forget(tokenHash(token));

/**
 * Revokes the session and forgets it on this replica. Inside a transaction, the caller calls
 * forgetSession again once it has committed: a request read in between saw the session still live.
 */
export async function revokeSession(db: Db, token: string, now: Date): Promise<void> {
  forgetSession(token);
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, tokenHash(token)), isNull(sessions.revokedAt)));
}

/** Ends every session of an account (disabled, password reset); as revokeSession, forget them again once committed. */
export async function revokeUserSessions(db: Db, userId: string, now: Date): Promise<void> {
  sessionCache.forgetUser(userId);
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export function sameToken(expected: string, actual: string | undefined): boolean {
  if (!actual) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
