export type JobStatus = 'queued' | 'running' | 'cancelled' | 'completed';
export type JobItemStatus = 'pending' | 'attempted' | 'done' | 'skipped' | 'failed';

/** GET /api/jobs/:id */
export interface JobRecord {
  id: number;
  kind: 'refresh';
  status: JobStatus;
  dataTypes: 'all' | string[];
  selection: { errorGroupId: string } | { companyIds: string[] };
  createdAt: string;
  createdByEmail: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  counts: Record<JobItemStatus | 'total', number>;
  /** 0–1 */
  progress: number;
}

/** GET /api/jobs/:id/items */
export interface JobItemRecord {
  id: string;
  seq: number;
  companyId: string;
  companyName: string | null;
  connectionIds: string[];
  status: JobItemStatus;
  reason: string | null;
  pullOperationIds: string[];
  alreadyRunning: string[];
  finishedAt: string | null;
}

export const isOpen = (job: JobRecord) => job.status === 'queued' || job.status === 'running';

export function describeJob(job: JobRecord): string {
  const what = job.dataTypes === 'all' ? 'all data' : job.dataTypes.join(', ');
  const on = 'errorGroupId' in job.selection ? `error group ${job.selection.errorGroupId}` : `${job.selection.companyIds.length} companies`;
  return `Refresh of ${what} for ${on}`;
}
