import { parseCodatDate, type CodatClient } from '@console/codat-client';
import { z } from 'zod';
import { pullOperationRecordSchema } from '../../resources/pull-operations/schemas.js';
import { toPullOperationRecord } from '../../resources/pull-operations/to-record.js';

/** How far back one poll looks: enough for a refresh-all of every data type. */
const RECENT_OPERATIONS = 50;

export const syncProgressSchema = z.object({
  companyId: z.string(),
  anyRunning: z.boolean(),
  /** Pull operations not finished yet, newest first. */
  running: z.array(pullOperationRecordSchema),
  /** When the latest successful read among the recent operations completed (Codat's timestamp). */
  lastSync: z.string().optional(),
});

export type SyncProgress = z.infer<typeof syncProgressSchema>;

/**
 * One Codat call, cheap enough to poll: the newest operations, with the unfinished ones picked out
 * here rather than by a Codat query (a `status!=…` query would have to list every terminal status,
 * including any Codat adds later). A read still running behind 50 newer ones is not seen.
 */
export async function syncProgress(codat: CodatClient, companyId: string): Promise<SyncProgress> {
  const page = await codat.pullOperations.list(companyId, { page: 1, pageSize: RECENT_OPERATIONS, orderBy: '-requested' });
  const records = page.results.map(toPullOperationRecord);
  const running = records.filter((record) => record.running);
  let lastSync: { text: string; ms: number } | undefined;
  for (const record of records) {
    const completedMs = record.isCompleted ? parseCodatDate(record.completed)?.getTime() : undefined;
    if (completedMs !== undefined && (!lastSync || completedMs > lastSync.ms)) lastSync = { text: record.completed!, ms: completedMs };
  }
  return { companyId, anyRunning: running.length > 0, running, lastSync: lastSync?.text };
}
