import { eq, sql } from 'drizzle-orm';
import type { AuditActor, AuditTarget } from '../audit/audit-log.js';
import type { Database, Db } from '../db/database.js';
import { openActions } from '../db/schema/index.js';

export type OpenAction = typeof openActions.$inferSelect;

/** What withAudit records of an action that goes to Codat, written with its audit attempt. */
export interface OpenActionStart {
  attemptId: number;
  action: string;
  target: AuditTarget;
  sent: Record<string, unknown>;
  actor: AuditActor;
  startedAt: Date;
  /** When a sweep may first look at it: the request itself has ended by then, answered or not. */
  firstCheckAt: Date;
}

export async function openAction(db: Db, start: OpenActionStart): Promise<void> {
  await db.insert(openActions).values({
    attemptId: start.attemptId,
    action: start.action,
    target: start.target as Record<string, string>,
    sent: start.sent,
    actor: start.actor,
    startedAt: start.startedAt,
    nextCheckAt: start.firstCheckAt,
  });
}

export async function closeAction(db: Db, attemptId: number): Promise<void> {
  await db.delete(openActions).where(eq(openActions.attemptId, attemptId));
}

/** The request ended without Codat's answer: check soon. */
export async function markUnknown(db: Db, attemptId: number, at: Date, checkAt: Date): Promise<void> {
  await db.update(openActions).set({ unknownSince: at, nextCheckAt: checkAt }).where(eq(openActions.attemptId, attemptId));
}

/**
 * Claims up to `limit` actions due for a check (all open ones when `everything`) and pushes each
 * one's next check back (1 s, 2 s, 4 s… up to a minute), so another replica sweeping at the same
 * time skips them and an action Codat cannot settle yet is not checked in a tight loop.
 */
export async function claimDueActions(database: Pick<Database, 'db'>, now: Date, limit: number, everything = false): Promise<OpenAction[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const due = everything ? sql`true` : sql`${openActions.nextCheckAt} <= ${at}`;
  const result = await database.db.execute(sql`
    update ${openActions} set next_check_at = ${at} + least(interval '60 seconds', interval '1 second' * power(2, checks)), checks = checks + 1
     where attempt_id in (
       select attempt_id from ${openActions} where ${due} order by next_check_at limit ${limit} for update skip locked)
    returning attempt_id, action, target, sent, actor, started_at, unknown_since, next_check_at, checks`);
  return (result as unknown as { rows: Array<Record<string, unknown>> }).rows.map((row) => ({
    attemptId: Number(row.attempt_id),
    action: String(row.action),
    target: row.target as Record<string, string>,
    sent: row.sent as Record<string, unknown>,
    actor: row.actor as OpenAction['actor'],
    startedAt: new Date(row.started_at as string),
    unknownSince: row.unknown_since ? new Date(row.unknown_since as string) : null,
    nextCheckAt: new Date(row.next_check_at as string),
    checks: Number(row.checks),
  }));
}

export async function readOpenAction(db: Db, attemptId: number): Promise<OpenAction | undefined> {
  const [row] = await db.select().from(openActions).where(eq(openActions.attemptId, attemptId));
  return row;
}
