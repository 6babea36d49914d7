import { desc, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../db/database.js';
import { mirrorSyncRuns } from '../db/schema/mirror.js';
import { rows } from './db/sql.js';

export const REFRESHED_AT_HEADER = 'X-Mirror-Refreshed-At';

/**
 * Read at most once a second per database: the companies list asks on every request, and on PGlite
 * the query costs more than the rest of the request. A sync finishing in this process clears it at
 * once (forgetRefreshedAt); other replicas see the new time within the second.
 */
const CACHE_MS = 1000;
const cached = new WeakMap<Db, { value: string | null; readAtMs: number }>();

/**
 * When the mirror last finished a full pass over Codat (webhooks may have updated it since), as
 * ISO text; null before the first completed sync, when mirror data is not to be relied on.
 */
export async function mirrorRefreshedAt(db: Db): Promise<string | null> {
  const hit = cached.get(db);
  if (hit && Date.now() - hit.readAtMs < CACHE_MS) return hit.value;
  const [row] = await db
    .select({ finishedAt: mirrorSyncRuns.finishedAt })
    .from(mirrorSyncRuns)
    .where(eq(mirrorSyncRuns.status, 'completed'))
    .orderBy(desc(mirrorSyncRuns.finishedAt))
    .limit(1);
  const value = row?.finishedAt?.toISOString() ?? null;
  cached.set(db, { value, readAtMs: Date.now() });
  return value;
}

/**
 * Moves whenever the mirror records a change: a company created, reappearing or deleted, a
 * connection's status, an error appearing or resolving (mirror/write-builder.ts). The newest
 * change's id, read from the primary key: what cached summaries of the mirror are keyed on.
 */
export async function changesVersion(db: Db): Promise<number> {
  const [row] = await rows<{ id: number }>(db, sql`select ${CHANGES_VERSION} as id`);
  return row!.id;
}

const CHANGES_VERSION = sql`(select coalesce(max(id), 0)::float8 from mirror_changes)`;

/**
 * changesVersion, and whether a sync is writing to the mirror now: its latest run is running (a
 * new run starts only once every earlier one has finished or been abandoned, see beginSync).
 */
export async function mirrorActivity(db: Db): Promise<{ version: number; syncing: boolean }> {
  const [row] = await rows<{ version: number; syncing: boolean | null }>(
    db,
    sql`select ${CHANGES_VERSION} as version, (select status = 'running' from mirror_sync_runs order by id desc limit 1) as syncing`,
  );
  return { version: row!.version, syncing: row!.syncing === true };
}

export function forgetRefreshedAt(db: Db): void {
  cached.delete(db);
}

/** Every mirror-backed answer says how fresh it is; `never` before the first completed sync. */
export function setRefreshedAt(c: Context, refreshedAt: string | null): void {
  c.header(REFRESHED_AT_HEADER, refreshedAt ?? 'never');
}
