import type { Role } from '@console/contracts';
import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { staffUsers } from '../../db/schema/index.js';
import type { OidcSettings } from '../settings.js';
import { insertStaff, normaliseEmail, updateStaff, type StaffRow } from '../staff-store.js';

export interface SsoIdentity {
  subject: string;
  email: string;
  emailVerified?: boolean;
  name?: string;
}

/** The user's groups from a claim that holds a list or a single group. */
export function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** The role of the first OIDC_ROLE_MAP entry whose group the user is in. */
export function roleForGroups(groups: string[], settings: OidcSettings): Role | undefined {
  return settings.roleMap.find(([group]) => groups.includes(group))?.[1];
}

/**
 * The staff account of an SSO identity: the one that used this subject before, else the one
 * with its (verified) email, else a new one. The provider's groups decide the role at every
 * sign-in; a disabled account stays disabled.
 */
export async function ssoAccount(db: Db, identity: SsoIdentity, role: Role, now: Date): Promise<StaffRow> {
  const email = normaliseEmail(identity.email);
  const find = async (condition: SQL) => (await db.select().from(staffUsers).where(condition))[0];
  const existing =
    (await find(eq(staffUsers.ssoSubject, identity.subject))) ??
    (identity.emailVerified === false ? undefined : await find(eq(staffUsers.email, email)));
  const name = identity.name?.trim() || email;
  if (existing?.disabledAt) return existing;
  if (existing) {
    return (await updateStaff(db, existing.id, { role, ssoSubject: identity.subject, name }, now)) ?? existing;
  }
  const created = await insertStaff(db, { email, name, role, ssoSubject: identity.subject }, now);
  if (!created) throw new Error(`${email} belongs to another account, and the provider does not say this email is verified.`);
  return created;
}
