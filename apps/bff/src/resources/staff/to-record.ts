import type { Role, StaffRecord } from '@console/contracts';
import type { StaffRow } from '../../auth/staff-store.js';

export function toStaffRecord(row: StaffRow, signInLockedUntil?: Date): StaffRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabledAt !== null,
    passwordSet: row.passwordHash !== null,
    sso: row.ssoSubject !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    signInLockedUntil: signInLockedUntil?.toISOString() ?? null,
  };
}
