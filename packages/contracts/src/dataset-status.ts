/**
 * Statuses of a pull operation that has not finished. Everything else is terminal — `Complete`,
 * the error statuses, `Cancelled`, `NotSupported` — and so is any status Codat adds later: the
 * console would rather let a refresh through (Codat refuses a duplicate anyway) than block one.
 */
const RUNNING_STATUSES = [
  'Initial',
  'Queued',
  'Fetching',
  'MapQueued',
  'Mapping',
  'ValidationQueued',
  'Validating',
  'ProcessingQueued',
  'Processing',
] as const;

const FINISHED_STATUSES = [
  'Complete',
  'FetchError',
  'MapError',
  'ValidationError',
  'ProcessingError',
  'InternalError',
  'AuthError',
  'PermissionsError',
  'RateLimitError',
  'PrerequisiteNotMet',
  'Cancelled',
  'NotSupported',
] as const;

/** Codat's pull-operation statuses (`status`, and data status `currentStatus`) as of this console. */
export const DATASET_STATUSES = [...RUNNING_STATUSES, ...FINISHED_STATUSES] as const;

const running: ReadonlySet<string> = new Set(RUNNING_STATUSES);

export function isRunningStatus(status: string | null | undefined): boolean {
  return status != null && running.has(status);
}
