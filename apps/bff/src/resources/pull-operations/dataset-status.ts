import type { DatasetStatus } from '@console/codat-client';

/**
 * Statuses of a pull operation that has not finished. Everything else is terminal — `Complete`,
 * the error statuses, `Cancelled`, `NotSupported` — and so is any status Codat adds later: the
 * console would rather let a refresh through (Codat refuses a duplicate anyway) than block one.
 */
const RUNNING_STATUSES: ReadonlySet<string> = new Set<DatasetStatus>([
  'Initial',
  'Queued',
  'Fetching',
  'MapQueued',
  'Mapping',
  'ValidationQueued',
  'Validating',
  'ProcessingQueued',
  'Processing',
]);

export function isRunningStatus(status: string | null | undefined): boolean {
  return status != null && RUNNING_STATUSES.has(status);
}
