import type { Role, StaffUser } from '@console/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { staffUsers } from '../db/schema/index.js';

export type StaffRow = typeof staffUsers.$inferSelect;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const toStaffUser = (row: StaffRow): StaffUser => ({ id: row.id, email: row.email, name: row.name, role: row.role as Role });

export async function findStaffByEmail(db: Db, email: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, normaliseEmail(email)));
  return row;
}

export async function findStaffById(db: Db, id: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row;
}

export async function countStaff(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(staffUsers);
  return row?.count ?? 0;
}

export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  passwordHash?: string | null;
  ssoSubject?: string | null;
}

/** Inserts an account; undefined when the email is taken (ON CONFLICT DO NOTHING). */
export async function insertStaff(db: Db, input: NewStaff, now: Date): Promise<StaffRow | undefined> {
  const [row] = await db
    .insert(staffUsers)
    .values({ id: crypto.randomUUID(), ...input, email: normaliseEmail(input.email), createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: staffUsers.email })
    .returning();
  return row;
}

export async function updateStaff(db: Db, id: string, changes: Partial<Omit<StaffRow, 'id' | 'createdAt'>>, now: Date): Promise<StaffRow | undefined> {
  const [row] = await db
    .update(staffUsers)
    .set({ ...changes, updatedAt: now })
    .where(eq(staffUsers.id, id))
    .returning();
  return row;
}

/**
 * Ids of the active admins, locked (always in id order, so two transactions cannot deadlock)
 * until the transaction ends: two demotions cannot both pass the last-admin check.
 */
export async function lockActiveAdmins(tx: Db): Promise<string[]> {
  const rows = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), isNull(staffUsers.disabledAt)))
    .orderBy(staffUsers.id)
    .for('update');
  return rows.map((row) => row.id);
}
