import { and, eq, gt, inArray, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { companyReservations } from '../../db/schema/index.js';
import { normaliseName } from './name-similarity.js';

/** How long a new company stays a candidate through its reservation, covering any lag in Codat's search. */
export const RECENT_CREATION_MS = 10 * 60_000;

export type Reservation = typeof companyReservations.$inferSelect;

/** One key per normalised name and per merchant id (case-insensitive): the customer's identity. */
export function reservationKeys(name: string, merchantId: string | undefined): string[] {
  return [`name:${normaliseName(name) || name.trim().toLowerCase()}`, ...(merchantId ? [`merchant:${merchantId.toLowerCase()}`] : [])];
}

export interface ReservationRequest {
  keys: string[];
  attemptId: number;
  companyName: string;
  now: Date;
  /** Companies the user saw and confirmed a new company despite: their reservations do not stand in the way. */
  confirmedCompanyIds: string[];
}

class Blocked extends Error {}

/**
 * Reserves every key for this creation, or none, in one transaction: answers the live
 * reservations in the way (another creation running, or one made in the last RECENT_CREATION_MS
 * that the user has not confirmed over), or nothing when the creation may go ahead. Two replicas
 * inserting the same key wait on each other's row, so exactly one wins.
 */
export async function reserveCompany(db: Db, request: ReservationRequest): Promise<Reservation[]> {
  const { keys, attemptId, companyName, now } = request;
  const expiresAt = new Date(now.getTime() + RECENT_CREATION_MS);
  const free = or(
    lte(companyReservations.expiresAt, now),
    request.confirmedCompanyIds.length > 0 ? inArray(companyReservations.companyId, request.confirmedCompanyIds) : undefined,
  );
  try {
    await db.transaction(async (tx) => {
      for (const key of keys) {
        const taken = await tx
          .insert(companyReservations)
          .values({ key, attemptId, companyName, expiresAt })
          .onConflictDoUpdate({ target: companyReservations.key, set: { attemptId, companyName, companyId: null, expiresAt }, setWhere: free })
          .returning({ key: companyReservations.key });
        if (taken.length === 0) throw new Blocked();
      }
    });
    return [];
  } catch (error) {
    if (!(error instanceof Blocked)) throw error;
    const live = await db
      .select()
      .from(companyReservations)
      .where(and(inArray(companyReservations.key, keys), gt(companyReservations.expiresAt, now), ne(companyReservations.attemptId, attemptId)));
    return live.filter((row) => !row.companyId || !request.confirmedCompanyIds.includes(row.companyId));
  }
}

/** The creation made `companyId`: its reservations now name it. */
export async function completeReservation(db: Db, attemptId: number, companyId: string): Promise<void> {
  await db.update(companyReservations).set({ companyId }).where(eq(companyReservations.attemptId, attemptId));
}

/** The creation made nothing: its keys are free. */
export async function releaseReservation(db: Db, attemptId: number): Promise<void> {
  await db.delete(companyReservations).where(eq(companyReservations.attemptId, attemptId));
}

export async function deleteExpiredReservations(db: Db, now: Date): Promise<void> {
  await db.delete(companyReservations).where(lte(companyReservations.expiresAt, now));
}
