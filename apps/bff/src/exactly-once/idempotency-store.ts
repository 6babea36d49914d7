import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { idempotencyKeys } from '../db/schema/index.js';

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

export interface KeyRef {
  actorId: string;
  key: string;
}

export interface Claim extends KeyRef {
  route: string;
  fingerprint: string;
  now: Date;
  leaseUntil: Date;
}

const where = (ref: KeyRef) => and(eq(idempotencyKeys.actorId, ref.actorId), eq(idempotencyKeys.key, ref.key));

/** Takes a new key for this request: true when it was free, false when a record exists. */
export async function claimKey(db: Db, claim: Claim): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...claim, state: 'running', createdAt: claim.now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/** Takes over a running key whose replica died before linking an attempt: nothing was sent to Codat. */
export async function takeOverKey(db: Db, claim: Claim): Promise<boolean> {
  const rows = await db
    .update(idempotencyKeys)
    .set({ leaseUntil: claim.leaseUntil })
    .where(and(where(claim), eq(idempotencyKeys.state, 'running'), lt(idempotencyKeys.leaseUntil, claim.now), sql`${idempotencyKeys.attemptId} is null`))
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function readKey(db: Db, ref: KeyRef): Promise<IdempotencyRecord | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(where(ref));
  return row;
}

/** Links the request's audit attempt, in the attempt's own transaction, and extends its lease to cover the Codat call. */
export async function linkAttempt(db: Db, ref: KeyRef, attemptId: number, leaseUntil: Date): Promise<void> {
  await db.update(idempotencyKeys).set({ attemptId, leaseUntil }).where(where(ref));
}

export async function storeAnswer(db: Db, ref: KeyRef, answer: { status: number; contentType: string | null; body: string }): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ state: 'done', ...answer })
    .where(where(ref));
}

/** Frees a key whose request changed nothing (refused, or Codat said no), so the same intent can be tried again. */
export async function releaseKey(db: Db, ref: KeyRef): Promise<void> {
  await db.delete(idempotencyKeys).where(where(ref));
}

/** Ends the leases of every running key: for a database only this process uses, whose earlier requests all died with it. */
export async function expireRunningKeys(db: Db, now: Date): Promise<void> {
  await db.update(idempotencyKeys).set({ leaseUntil: now }).where(and(eq(idempotencyKeys.state, 'running'), sql`${idempotencyKeys.leaseUntil} > ${now.toISOString()}::timestamptz`));
}

export async function deleteKeysBefore(db: Db, before: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}
