import type { SessionInfo } from '@console/contracts';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AuditActor } from '../audit/audit-log.js';
import { audit } from '../audit/record.js';
import type { BffDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import { singleLine } from '../http/text.js';
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { passwordSignInEnabled } from './sign-in-options.js';
import { findStaffByEmail, normaliseEmail, toStaffUser } from './staff-store.js';
import { startSession } from './start-session.js';
import { forgiveFailures, lockedUntil, recordFailure, throttleKeys } from './throttle.js';

export const loginSchema = z.strictObject({
  email: singleLine(z.string().trim().min(1).max(320)),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

const decoys = new Map<number, Promise<string>>();
const decoyFor = (cost: number) => decoys.get(cost) ?? decoys.set(cost, decoyHash(cost)).get(cost)!;

/**
 * Email + password sign-in, throttled per account and per client IP in the database (so every
 * replica sees the same count). Every refusal is audited with the email that was tried.
 */
export async function passwordSignIn(c: Context, deps: BffDeps, input: z.infer<typeof loginSchema>): Promise<SessionInfo> {
  const settings = deps.settings.auth;
  const now = new Date(deps.now());
  const email = normaliseEmail(input.email);
  let actor: AuditActor = { email };
  const refuse = async (reason: string, error: ApiError): Promise<never> => {
    await audit(c).record({ action: 'auth.login', outcome: 'refused', reason, details: { method: 'password' } }, { actor });
    throw error;
  };

  if (!(await passwordSignInEnabled(deps.db, settings))) {
    return refuse('password sign-in is turned off', new ApiError(403, 'password_sign_in_disabled', 'Password sign-in is turned off: use SSO.'));
  }
  const keys = throttleKeys(email, c.get('client')?.ip, settings);
  const locked = await lockedUntil(deps.db, keys.map(({ key }) => key), now);
  if (locked) {
    const seconds = Math.ceil((locked.getTime() - now.getTime()) / 1000);
    return refuse(
      'locked out after repeated failures',
      new ApiError(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} min.`, undefined, {
        'Retry-After': String(seconds),
      }),
    );
  }
  const user = await findStaffByEmail(deps.db, email);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyFor(settings.passwordHashCost)));
  if (!user || !matches) {
    for (const { key, limit } of keys) await recordFailure(deps.db, key, limit, now, settings);
    return refuse('wrong email or password', new ApiError(401, 'invalid_credentials', 'The email or password is wrong.'));
  }
  actor = toStaffUser(user);
  if (user.disabledAt) return refuse('account disabled', new ApiError(403, 'account_disabled', 'This account is disabled; an admin can enable it.'));
  await forgiveFailures(deps.db, keys[0]!.key, now, settings);
  return startSession(c, deps, user, 'password');
}
