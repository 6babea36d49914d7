import { desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../db/database.js';
import { mirrorSyncRuns } from '../db/schema/mirror.js';

export const REFRESHED_AT_HEADER = 'X-Mirror-Refreshed-At';

/**
 * When the mirror last finished a full pass over Codat (webhooks may have updated it since), as
 * ISO text; null before the first completed sync, when mirror data is not to be relied on.
 */
export async function mirrorRefreshedAt(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ finishedAt: mirrorSyncRuns.finishedAt })
    .from(mirrorSyncRuns)
    .where(eq(mirrorSyncRuns.status, 'completed'))
    .orderBy(desc(mirrorSyncRuns.finishedAt))
    .limit(1);
  return row?.finishedAt?.toISOString() ?? null;
}

/** Every mirror-backed answer says how fresh it is; `never` before the first completed sync. */
export function setRefreshedAt(c: Context, refreshedAt: string | null): void {
  c.header(REFRESHED_AT_HEADER, refreshedAt ?? 'never');
}
