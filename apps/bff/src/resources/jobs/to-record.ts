import type { ItemCounts, Job, JobItem } from '../../jobs/model.js';
import type { RefreshProgress } from '../../jobs/refresh-company.js';
import type { JobItemRecord, JobRecord } from './schemas.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toJobRecord(job: Job, counts: ItemCounts): JobRecord {
  const ended = counts.done + counts.skipped + counts.failed;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    dataTypes: job.params.dataTypes,
    selection: job.params.selection,
    createdAt: job.createdAt.toISOString(),
    createdByEmail: job.createdBy.email ?? null,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    counts,
    progress: counts.total === 0 ? 1 : ended / counts.total,
  };
}

export function toJobItemRecord(item: JobItem): JobItemRecord {
  const progress = item.result as Partial<RefreshProgress> | null;
  return {
    id: `${item.jobId}-${item.seq}`,
    seq: item.seq,
    companyId: item.companyId,
    companyName: item.companyName,
    connectionIds: item.connectionIds,
    status: item.status,
    reason: item.reason,
    pullOperationIds: progress?.queued?.map((queued) => queued.pullOperationId) ?? [],
    alreadyRunning: progress?.alreadyRunning ?? [],
    finishedAt: iso(item.finishedAt),
  };
}
