import { z } from 'zod';
import { SYNC_RUN_STATUSES, SYNC_TRIGGERS, type SyncRun } from '../../mirror/store.js';

export const MIRROR_SYNC_SORT_FIELDS = ['id', 'startedAt'] as const;

export const mirrorSyncFilterSchema = z.strictObject({
  status: z.enum(SYNC_RUN_STATUSES).optional(),
  id: z.union([z.coerce.number().int().positive(), z.array(z.coerce.number().int().positive()).min(1).max(100)]).optional(),
});
export type MirrorSyncFilter = z.infer<typeof mirrorSyncFilterSchema>;

export const mirrorSyncRecordSchema = z.object({
  id: z.number(),
  trigger: z.enum(SYNC_TRIGGERS),
  status: z.enum(SYNC_RUN_STATUSES),
  /** The replica that ran it last. */
  holder: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  pageSize: z.number(),
  /** Pages written; an interrupted run resumes after `lastPage`. */
  pages: z.number(),
  lastPage: z.number(),
  totalResults: z.number().nullable(),
  companies: z.number(),
  connections: z.number(),
  changes: z.number(),
  deletedCompanies: z.number(),
  resumedCount: z.number(),
  errors: z.array(z.string()),
  /**
   * On embedded PGlite, which runs one statement at a time: the longest the run held the
   * database, requests made meanwhile waiting for it (ms). Null on PostgreSQL, where they do not wait.
   */
  longestHoldMs: z.number().nullable(),
});
export type MirrorSyncRecord = z.infer<typeof mirrorSyncRecordSchema>;

export function toMirrorSyncRecord(run: SyncRun): MirrorSyncRecord {
  return { ...run, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null };
}
