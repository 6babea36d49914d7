import { ROLE_PERMISSIONS, type SessionInfo, type StaffUser } from '@console/contracts';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { audit } from '../audit/record.js';
import type { BffDeps } from '../deps.js';
import { staffUsers } from '../db/schema/index.js';
import { readSessionCookie, setSessionCookie } from './cookies.js';
import { createSession, forgetSession, revokeSession } from './sessions.js';
import { toStaffUser, type StaffRow } from './staff-store.js';

export const sessionInfo = (user: StaffUser, csrfToken: string): SessionInfo => ({
  user,
  permissions: [...ROLE_PERMISSIONS[user.role]],
  csrfToken,
});

/**
 * Signs `user` in: the session the browser had (if any) is revoked and a new one with a new id
 * is issued (no session fixation); the session and its `auth.login` audit entry commit together.
 */
export async function startSession(c: Context, deps: BffDeps, row: StaffRow, method: 'password' | 'sso'): Promise<SessionInfo> {
  const now = new Date(deps.now());
  const user = toStaffUser(row);
  const previous = readSessionCookie(c);
  const { token, csrfToken } = await deps.db.transaction(async (tx) => {
    if (previous) await revokeSession(tx, previous, now);
    const created = await createSession(tx, user, method, c.get('client') ?? {}, now, deps.settings.auth);
    await tx.update(staffUsers).set({ lastSignInAt: now }).where(eq(staffUsers.id, user.id));
    await audit(c).record({ action: 'auth.login', outcome: 'ok', details: { method } }, { db: tx, actor: user });
    return created;
  });
  if (previous) forgetSession(previous);
  setSessionCookie(c, deps.settings.auth, token);
  return sessionInfo(user, csrfToken);
}
