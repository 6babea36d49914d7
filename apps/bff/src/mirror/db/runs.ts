import { and, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { mirrorSyncRuns, mirrorSyncSeen } from '../../db/schema/mirror.js';
import type { LeaseClaim, RunOutcome, SyncRun, SyncRunStatus, SyncTrigger } from '../store.js';
import { rows } from './sql.js';
import { forgetRefreshedAt } from '../freshness.js';
import { retakeSummaries } from '../summary-cache.js';
import { vacuum } from './maintenance.js';

const LEASE = 'mirror-sync';
const MAX_RUN_ERRORS = 20;
const UNFINISHED: SyncRunStatus[] = ['running', 'interrupted'];

type RunRow = typeof mirrorSyncRuns.$inferSelect;

export function toSyncRun(row: RunRow): SyncRun {
  return {
    ...row,
    trigger: row.trigger as SyncTrigger,
    status: row.status as SyncRunStatus,
    durationMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
  };
}

/** Takes the lease if it is free, expired or already ours (then extends it). Works the same on PGlite. */
/** The statement that claims or renews the lease; it returns a row when `holder` has it. */
export function leaseClaim({ holder, now, ttlMs }: LeaseClaim): SQL {
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  return sql`insert into mirror_lease (name, holder, expires_at) values (${LEASE}, ${holder}, ${expires}::timestamptz)
    on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
    where mirror_lease.holder = excluded.holder or mirror_lease.expires_at < ${now.toISOString()}::timestamptz
    returning holder`;
}

export async function claimLease(db: Db, claim: LeaseClaim): Promise<boolean> {
  return (await rows(db, leaseClaim(claim))).length === 1;
}

export async function releaseLease(db: Db, holder: string): Promise<void> {
  await db.execute(sql`delete from mirror_lease where name = ${LEASE} and holder = ${holder}`);
}

export async function selectRun(db: Db, id: number): Promise<SyncRun | undefined> {
  const [row] = await db.select().from(mirrorSyncRuns).where(eq(mirrorSyncRuns.id, id));
  return row && toSyncRun(row);
}

/**
 * The companies a completed run saw: as many rows as companies, 96 runs a day at the default
 * interval, so their space is reclaimed at once, or PGlite's files would grow by gigabytes a day.
 * With no other run unfinished that is a TRUNCATE, instant where a DELETE and a VACUUM of 100,000
 * rows hold embedded PGlite's one session for a few hundred milliseconds.
 */
async function forgetSeen(db: Db, runId: number): Promise<void> {
  const [other] = await db
    .select({ id: mirrorSyncRuns.id })
    .from(mirrorSyncRuns)
    .where(and(inArray(mirrorSyncRuns.status, UNFINISHED), ne(mirrorSyncRuns.id, runId)))
    .limit(1);
  if (!other) return void (await db.execute(sql`truncate mirror_sync_seen`));
  await db.delete(mirrorSyncSeen).where(eq(mirrorSyncSeen.runId, runId));
  await vacuum(db, ['mirror_sync_seen']);
}

export function runQueries(db: Db) {
  return {
    unfinishedRun: async (since: Date) => {
      const [row] = await db
        .select()
        .from(mirrorSyncRuns)
        .where(and(inArray(mirrorSyncRuns.status, UNFINISHED), gte(mirrorSyncRuns.startedAt, since)))
        .orderBy(desc(mirrorSyncRuns.id))
        .limit(1);
      return row && toSyncRun(row);
    },

    abandonRuns: async (before: Date, at: Date) => {
      const abandoned = await db
        .update(mirrorSyncRuns)
        .set({ status: 'abandoned', finishedAt: at })
        .where(and(inArray(mirrorSyncRuns.status, UNFINISHED), lt(mirrorSyncRuns.startedAt, before)))
        .returning({ id: mirrorSyncRuns.id });
      if (abandoned.length > 0) await db.delete(mirrorSyncSeen).where(inArray(mirrorSyncSeen.runId, abandoned.map((run) => run.id)));
    },

    startRun: async (input: { trigger: SyncTrigger; holder: string; pageSize: number; startedAt: Date }) => {
      const [row] = await db
        .insert(mirrorSyncRuns)
        .values({
          ...input,
          status: 'running',
          lastPage: 0,
          pages: 0,
          companies: 0,
          connections: 0,
          changes: 0,
          deletedCompanies: 0,
          resumedCount: 0,
          errors: [],
        })
        .returning();
      return toSyncRun(row!);
    },

    resumeRun: async (runId: number, holder: string) => {
      const [row] = await db
        .update(mirrorSyncRuns)
        .set({ status: 'running', holder, finishedAt: null, resumedCount: sql`${mirrorSyncRuns.resumedCount} + 1` })
        .where(eq(mirrorSyncRuns.id, runId))
        .returning();
      return toSyncRun(row!);
    },

    finishRun: async (runId: number, holder: string, outcome: RunOutcome) => {
      const error = outcome.error === undefined ? sql`'[]'::jsonb` : sql`jsonb_build_array(${outcome.error.slice(0, 500)}::text)`;
      const [row] = await db
        .update(mirrorSyncRuns)
        .set({
          status: outcome.status,
          finishedAt: outcome.finishedAt,
          deletedCompanies: sql`${mirrorSyncRuns.deletedCompanies} + ${outcome.deletedCompanies ?? 0}`,
          changes: sql`${mirrorSyncRuns.changes} + ${outcome.changes ?? 0}`,
          errors: sql`case when jsonb_array_length(${mirrorSyncRuns.errors}) < ${MAX_RUN_ERRORS} then ${mirrorSyncRuns.errors} || ${error} else ${mirrorSyncRuns.errors} end`,
          // PostgreSQL's greatest() passes over nulls: a resumed run keeps the longest of its parts.
          longestHoldMs: sql`greatest(${mirrorSyncRuns.longestHoldMs}, ${outcome.longestHoldMs === undefined ? null : Math.round(outcome.longestHoldMs)}::int)`,
        })
        // Not a run another replica has taken over since.
        .where(and(eq(mirrorSyncRuns.id, runId), eq(mirrorSyncRuns.holder, holder), eq(mirrorSyncRuns.status, 'running')))
        .returning();
      if (row && outcome.status === 'completed') {
        await forgetSeen(db, runId);
        forgetRefreshedAt(db);
        retakeSummaries(db, outcome.finishedAt.getTime());
      }
      return row ? toSyncRun(row) : (await selectRun(db, runId))!;
    },

    lastCompletedRun: async () => {
      const [row] = await db
        .select()
        .from(mirrorSyncRuns)
        .where(eq(mirrorSyncRuns.status, 'completed'))
        .orderBy(desc(mirrorSyncRuns.finishedAt))
        .limit(1);
      return row && toSyncRun(row);
    },
  };
}
