import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { z } from 'zod';
import { generatePassword, hashPassword } from '../../auth/passwords.js';
import { sessionCache } from '../../auth/session-cache.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { unlockAccount } from '../../auth/throttle.js';
import { findStaffById, insertStaff, lockActiveAdmins, updateStaff, type StaffRow } from '../../auth/staff-store.js';
import { audit } from '../../audit/record.js';
import type { Db } from '../../db/database.js';
import { staffUsers } from '../../db/schema/index.js';
import type { BffDeps } from '../../deps.js';
import { conflict, notFound, type ApiError } from '../../http/api-error.js';
import type { createStaffSchema, StaffUpdate } from './schemas.js';
import { toStaffRecord } from './to-record.js';

/** Answered, before anything is written, by a change that must not happen; the refusal is audited. */
class Refusal {
  constructor(readonly error: ApiError) {}
}

/**
 * Runs a staff change in one transaction with its `ok` audit entry, so the change and its record
 * commit together. A refusal (answered before anything is written) is audited instead.
 */
async function auditedChange<T>(
  c: Context,
  deps: BffDeps,
  action: string,
  details: Record<string, unknown>,
  change: (tx: Db) => Promise<T | Refusal>,
): Promise<T> {
  const outcome = await deps.db.transaction(async (tx) => {
    const result = await change(tx);
    if (!(result instanceof Refusal)) await audit(c).record({ action, outcome: 'ok', details }, { db: tx });
    return result;
  });
  if (outcome instanceof Refusal) {
    await audit(c).record({ action, outcome: 'refused', reason: outcome.error.message, details });
    throw outcome.error;
  }
  return outcome;
}

export async function createStaff(c: Context, deps: BffDeps, input: z.infer<typeof createStaffSchema>) {
  const initialPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? initialPassword!, deps.settings.auth.passwordHashCost);
  const details = { email: input.email.toLowerCase(), role: input.role };
  const row = await auditedChange(c, deps, 'staff.create', details, async (tx) => {
    const created = await insertStaff(tx, { email: input.email, name: input.name, role: input.role, passwordHash }, new Date(deps.now()));
    if (!created) return new Refusal(conflict(`There is already an account for ${details.email}.`));
    Object.assign(details, { staffId: created.id });
    return created;
  });
  return { ...toStaffRecord(row), ...(initialPassword ? { initialPassword } : {}) };
}

/** What an update changes, as `{ field: { from, to } }`. */
function changesOf(row: StaffRow, input: StaffUpdate): Record<string, { from: unknown; to: unknown }> {
  const current = { name: row.name, role: row.role, disabled: row.disabledAt !== null };
  return Object.fromEntries(
    (['name', 'role', 'disabled'] as const)
      .filter((field) => input[field] !== undefined && input[field] !== current[field])
      .map((field) => [field, { from: current[field], to: input[field] }]),
  );
}

/** Rename, change role, disable or enable. Nobody may disable or demote the last active admin. */
export async function updateStaffAccount(c: Context, deps: BffDeps, id: string, input: StaffUpdate) {
  const now = new Date(deps.now());
  const details: Record<string, unknown> = { staffId: id };
  const row = await auditedChange(c, deps, 'staff.update', details, async (tx) => {
    // Admins first, then the account: every update takes its locks in the same order.
    const admins = await lockActiveAdmins(tx);
    const [current] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id)).for('update');
    if (!current) throw notFound(`No staff account ${id}.`);
    const changes = changesOf(current, input);
    Object.assign(details, { email: current.email, changes });
    const wasActiveAdmin = current.role === 'admin' && current.disabledAt === null;
    const staysActiveAdmin = (input.role ?? current.role) === 'admin' && !(input.disabled ?? current.disabledAt !== null);
    if (wasActiveAdmin && !staysActiveAdmin && admins.length <= 1) {
      return new Refusal(conflict(`${current.email} is the last active admin: make someone else admin first.`));
    }
    if (input.disabled === true && current.disabledAt === null) await revokeUserSessions(tx, id, now);
    const disabledAt = input.disabled === undefined ? current.disabledAt : input.disabled ? (current.disabledAt ?? now) : null;
    return (await updateStaff(tx, id, { name: input.name ?? current.name, role: input.role ?? current.role, disabledAt }, now))!;
  });
  // A new role applies to the account's open sessions on this replica at once.
  sessionCache.forgetUser(id);
  return toStaffRecord(row);
}

/** Forgets the account's failed sign-ins from every address, lifting its lock-outs and delay (the per-address limit stays). */
export async function unlockStaffSignIn(c: Context, deps: BffDeps, id: string) {
  const target = await findStaffById(deps.db, id);
  if (!target) throw notFound(`No staff account ${id}.`);
  const details: Record<string, unknown> = { staffId: id, email: target.email };
  await auditedChange(c, deps, 'staff.unlock', details, async (tx) => {
    details.cleared = await unlockAccount(tx, target.email);
  });
  return toStaffRecord(target);
}

/** Sets a new password (given, or generated and answered once) and ends the account's sessions. */
export async function resetStaffPassword(c: Context, deps: BffDeps, id: string, password: string | undefined) {
  const target = await findStaffById(deps.db, id);
  if (!target) throw notFound(`No staff account ${id}.`);
  const initialPassword = password ? undefined : generatePassword();
  const passwordHash = await hashPassword(password ?? initialPassword!, deps.settings.auth.passwordHashCost);
  const now = new Date(deps.now());
  const row = await auditedChange(c, deps, 'staff.reset-password', { staffId: id, email: target.email }, async (tx) => {
    await revokeUserSessions(tx, id, now);
    return (await updateStaff(tx, id, { passwordHash }, now))!;
  });
  sessionCache.forgetUser(id);
  return { ...toStaffRecord(row), ...(initialPassword ? { initialPassword } : {}) };
}
