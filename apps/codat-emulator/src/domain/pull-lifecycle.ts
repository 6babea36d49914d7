import type { DatasetRecord, PullStatus } from '../store/types.js';
import { codatTimestamp } from './dates.js';

/** The phases a dataset walks through, one per `stepMs`, before it reaches its outcome. */
const PHASES = ['Queued', 'Fetching', 'Mapping', 'Validating', 'Processing'] as const satisfies readonly PullStatus[];

export type PullOutcome = Exclude<PullStatus, (typeof PHASES)[number] | 'Initial' | 'MapQueued' | 'ValidationQueued' | 'ProcessingQueued'>;

/**
 * How many phases each outcome passes through before it is reached. Errors stop in the phase
 * they belong to; authorisation and support problems are known before anything is queued.
 */
const STEPS_TO_OUTCOME: Record<PullOutcome, number> = {
  Complete: 5,
  AuthError: 0,
  NotSupported: 0,
  PrerequisiteNotMet: 0,
  Cancelled: 1,
  FetchError: 2,
  RateLimitError: 2,
  PermissionsError: 2,
  MapError: 3,
  ValidationError: 4,
  ProcessingError: 5,
  InternalError: 5,
};

export const PULL_OUTCOMES = Object.keys(STEPS_TO_OUTCOME) as PullOutcome[];

export function isPullOutcome(status: string): status is PullOutcome {
  return status in STEPS_TO_OUTCOME;
}

/** `isErrored`: `NotSupported` and `Cancelled` are terminal but not errors (Codat filters failures with `status!=Complete&&status!=NotSupported`). */
const ERROR_STATUSES: ReadonlySet<PullStatus> = new Set<PullStatus>([
  'FetchError',
  'MapError',
  'ValidationError',
  'ProcessingError',
  'InternalError',
  'AuthError',
  'RateLimitError',
  'PermissionsError',
  'PrerequisiteNotMet',
]);

const ERROR_MESSAGES: Partial<Record<PullStatus, string>> = {
  AuthError: 'The data connection is no longer authorized. Ask the company to link it again.',
  FetchError: 'An error occurred while fetching data from the source platform.',
  RateLimitError: 'The source platform rate limited the request.',
  PermissionsError: 'The user who linked the connection does not have permission to read this data.',
  MapError: 'An error occurred while mapping data from the source platform.',
  ValidationError: 'The data failed validation.',
  ProcessingError: 'An error occurred while processing the data.',
  InternalError: 'An internal error occurred.',
  PrerequisiteNotMet: 'A data type this one depends on has not been synced.',
};

function outcomeOf(dataset: DatasetRecord): PullOutcome {
  return isPullOutcome(dataset.outcome) ? dataset.outcome : 'Complete';
}

/** When the dataset reaches its outcome. */
export function finishMs(dataset: DatasetRecord): number {
  return dataset.requestedMs + STEPS_TO_OUTCOME[outcomeOf(dataset)] * dataset.stepMs;
}

export function isFinished(dataset: DatasetRecord, now: number): boolean {
  return dataset.settled || now >= finishMs(dataset);
}

export function statusAt(dataset: DatasetRecord, now: number): PullStatus {
  if (isFinished(dataset, now)) return outcomeOf(dataset);
  const step = Math.max(0, Math.floor((now - dataset.requestedMs) / dataset.stepMs));
  return PHASES[Math.min(step, PHASES.length - 1)]!;
}

/** 0 while queued, +20 per phase, 100 on success; a failure keeps the progress of the phase it failed in. */
function progressAt(dataset: DatasetRecord, now: number): number {
  const status = statusAt(dataset, now);
  if (status === 'Complete') return 100;
  const phase = (PHASES as readonly PullStatus[]).indexOf(status);
  if (phase >= 0) return phase * 20;
  return Math.max(0, STEPS_TO_OUTCOME[outcomeOf(dataset)] - 1) * 20;
}

/** `PullOperation`; optional fields are omitted rather than null (the official SDK rejects null `completed`). */
export function renderPullOperation(dataset: DatasetRecord, now: number) {
  const status = statusAt(dataset, now);
  const finished = isFinished(dataset, now);
  const json: Record<string, unknown> = {
    id: dataset.id,
    companyId: dataset.companyId,
    connectionId: dataset.connectionId,
    dataType: dataset.dataType,
    status,
    requested: dataset.requested,
    progress: progressAt(dataset, now),
    isCompleted: status === 'Complete',
    isErrored: ERROR_STATUSES.has(status),
  };
  const errorMessage = ERROR_MESSAGES[status];
  if (errorMessage) json.errorMessage = errorMessage;
  if (finished) json.completed = dataset.completed ?? codatTimestamp(finishMs(dataset));
  return json;
}
