import { ROLE_LABELS, type Role } from '@console/contracts';
import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { generatePassword, hashPassword } from './passwords.js';
import { countStaff, insertStaff, normaliseEmail } from './staff-store.js';

export interface FirstAccountsOptions {
  /** The admin's email (ADMIN_EMAIL); admin@console.local otherwise. */
  adminEmail?: string;
  /** The admin's password (ADMIN_PASSWORD); generated otherwise. */
  adminPassword?: string;
  /** Embedded demo (no Codat key): one account per role. */
  demo: boolean;
  /** The demo accounts' password (DEMO_PASSWORD); generated per account otherwise. */
  demoPassword?: string;
  passwordHashCost: number;
}

export interface FirstAccount {
  email: string;
  role: Role;
  /** The password to print once; undefined when it came from ADMIN_PASSWORD. */
  password?: string;
}

export const DEMO_EMAILS: Record<Role, string> = {
  customer_success: 'cs@console.local',
  support: 'support@console.local',
  finance: 'finance@console.local',
  admin: 'admin@console.local',
};

/**
 * At first start (no staff yet): an admin, or on the embedded demo one account per role. Runs
 * under the start-up lock, so of several replicas starting at once only one creates them.
 */
export async function createFirstAccounts(db: Db, auditLog: AuditLog, options: FirstAccountsOptions): Promise<FirstAccount[]> {
  if ((await countStaff(db)) > 0) return [];
  const roles: Role[] = options.demo ? ['admin', 'customer_success', 'support', 'finance'] : ['admin'];
  const created: FirstAccount[] = [];
  for (const role of roles) {
    const email = normaliseEmail(role === 'admin' ? (options.adminEmail ?? DEMO_EMAILS.admin) : DEMO_EMAILS[role]);
    const given = role === 'admin' ? options.adminPassword : undefined;
    const password = given ?? options.demoPassword ?? generatePassword();
    const name = options.demo ? `Demo ${ROLE_LABELS[role].toLowerCase()}` : 'Admin';
    const row = await insertStaff(db, { email, name, role, passwordHash: await hashPassword(password, options.passwordHashCost) }, new Date());
    if (!row) continue;
    await auditLog.append({ action: 'staff.create', outcome: 'ok', details: { staffId: row.id, email, role, firstStart: true } }, {}, {}, db);
    created.push({ email, role, password: given ? undefined : password });
  }
  return created;
}
