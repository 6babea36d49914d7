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
import { forgiveFailures, knownAddress, locksInForce, recordFailure, throttleKeys } from './throttle.js';

export const loginSchema = z.strictObject({
  email: singleLine(z.string().trim().min(1).max(320)),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

const decoys = new Map<number, Promise<string>>();
const decoyFor = (cost: number) => decoys.get(cost) ?? decoys.set(cost, decoyHash(cost)).get(cost)!;

/**
 * Email + password sign-in, throttled in the database (so every replica sees the same count) per
 * account and client address, per client address, and, only slowed down, per account (throttle.ts).
 * Every refusal is audited with the email that was tried.
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
  const ip = c.get('client')?.ip;
  const keys = throttleKeys(email, ip);
  const locks = await locksInForce(deps.db, keys, now);
  const throttled = (scope: 'pair' | 'address' | 'account', until: Date, reason: string) => {
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    deps.metrics.signInsThrottled.inc({ scope });
    deps.logger.warn({ email, ip, scope, retryAfterSeconds: seconds, requestId: c.get('requestId') }, 'sign-in throttled');
    const wait = seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
    return refuse(reason, new ApiError(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${wait}.`, undefined, { 'Retry-After': String(seconds) }));
  };
  const pairLock = locks.get(keys.pair);
  if (pairLock) return throttled('pair', pairLock, 'locked out after repeated failures from this address');
  const addressLock = keys.address ? locks.get(keys.address) : undefined;
  if (addressLock) return throttled('address', addressLock, 'client address locked out after repeated failures');
  const user = await findStaffByEmail(deps.db, email);
  const accountDelay = locks.get(keys.account);
  if (accountDelay && !(user && (await knownAddress(deps.db, user.id, ip)))) {
    return throttled('account', accountDelay, 'account slowed down after failures from several addresses');
  }
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyFor(settings.passwordHashCost)));
  if (!user || !matches) {
    await recordFailure(deps.db, keys.pair, settings.maxFailuresPerAccount, now, settings);
    if (keys.address) await recordFailure(deps.db, keys.address, settings.maxFailuresPerIp, now, settings);
    await recordFailure(deps.db, keys.account, settings.maxFailuresPerAccount + 1, now, settings, true);
    return refuse('wrong email or password', new ApiError(401, 'invalid_credentials', 'The email or password is wrong.'));
  }
  actor = toStaffUser(user);
  if (user.disabledAt) return refuse('account disabled', new ApiError(403, 'account_disabled', 'This account is disabled; an admin can enable it.'));
  await forgiveFailures(deps.db, keys.pair, now, settings);
  return startSession(c, deps, user, 'password');
}
