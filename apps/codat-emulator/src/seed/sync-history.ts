import { timestamp } from './flat-strings.js';
import { platformByKey } from '../domain/platforms.js';
import { finishMs } from '../domain/pull-lifecycle.js';
import type { ConnectionRecord, DatasetRecord, PullStatus } from '../store/types.js';
import { HOUR_MS, MINUTE_MS, type SeedContext } from './context.js';
import { SYNC_DATA_TYPES } from './platform-mix.js';
import { weightedTable, type SeededRandom } from './random.js';

const OUTCOMES = weightedTable<PullStatus>([
  ['Complete', 92], ['FetchError', 2], ['RateLimitError', 1.5], ['NotSupported', 1.5], ['MapError', 1],
  ['InternalError', 1], ['PermissionsError', 0.7], ['ValidationError', 0.3],
]);

/** What a sync attempted after the connection broke ends in, by the active error's code. */
const FAILURE_BY_ERROR_CODE: Readonly<Record<string, PullStatus>> = {
  '401': 'AuthError',
  '429': 'RateLimitError',
  '500': 'FetchError',
  '503': 'FetchError',
};

/** A settled dataset, requested at `requestedMs`; its phases last `stepMs` each, as for live ones. */
function dataset(rng: SeededRandom, connection: ConnectionRecord, dataType: string, requestedMs: number, outcome: PullStatus): DatasetRecord {
  const record: DatasetRecord = {
    id: rng.uuid(),
    companyId: connection.companyId,
    connectionId: connection.id,
    dataType,
    requested: '',
    requestedMs,
    stepMs: rng.int(2_000, 48_000),
    outcome,
    settled: true,
  };
  stampTimes(record, requestedMs);
  return record;
}

function stampTimes(record: DatasetRecord, requestedMs: number): void {
  record.requestedMs = requestedMs;
  record.requested = timestamp(requestedMs);
  record.completedMs = finishMs(record);
  record.completed = timestamp(record.completedMs);
}

/**
 * One sync run: the data types are queued together and finish at different times. A run that
 * `endsInSuccess` has its latest success complete exactly at `endMs`, so the connection's
 * `lastSync` agrees with its history; otherwise its last dataset finishes then.
 */
function syncRun(rng: SeededRandom, connection: ConnectionRecord, dataTypes: readonly string[], endMs: number, endsInSuccess: boolean): DatasetRecord[] {
  const run = dataTypes.map((dataType, i) =>
    dataset(rng, connection, dataType, i * rng.int(40, 400), endsInSuccess && i === 0 ? 'Complete' : rng.weighted(OUTCOMES)),
  );
  let lastEndMs = -Infinity;
  for (const record of run) {
    if (!endsInSuccess || record.outcome === 'Complete') lastEndMs = Math.max(lastEndMs, record.completedMs!);
  }
  const shiftMs = endMs - lastEndMs;
  for (const record of run) stampTimes(record, record.requestedMs + shiftMs);
  return run;
}

/**
 * Settled pull operations for a connection that has synced: its latest run (ending at
 * `lastSync`), sometimes the run the day before, and a failed attempt after an active error.
 * Bounded at about nine datasets per connection to keep a 100,000-company fleet small.
 */
export function seedSyncHistory(ctx: SeedContext, rng: SeededRandom, connection: ConnectionRecord): DatasetRecord[] {
  const types = SYNC_DATA_TYPES[platformByKey(connection.integrationKey)?.sourceType ?? 'Unknown'];
  if (connection.lastSyncMs === undefined || !types) return [];
  const count = Math.min(types.length, types === SYNC_DATA_TYPES.Accounting ? rng.int(3, 4) : rng.int(2, 3));
  const first = rng.int(0, types.length - count);
  const dataTypes = types.slice(first, first + count);

  const datasets: DatasetRecord[] = [];
  const previousEndMs = connection.lastSyncMs - rng.between(20 * HOUR_MS, 28 * HOUR_MS);
  if (rng.chance(0.3) && previousEndMs > connection.createdMs + 10 * MINUTE_MS) {
    datasets.push(...syncRun(rng, connection, dataTypes, Math.round(previousEndMs), false));
  }
  datasets.push(...syncRun(rng, connection, dataTypes, connection.lastSyncMs, true));

  const active = connection.errors.find((error) => error.status === 'Active');
  const failure = active && FAILURE_BY_ERROR_CODE[active.statusCode];
  if (active && failure) {
    const attemptMs = Math.min(ctx.anchorMs - 5 * MINUTE_MS, Date.parse(active.erroredOnUtc) + rng.between(MINUTE_MS, 20 * HOUR_MS));
    if (attemptMs > connection.lastSyncMs) datasets.push(dataset(rng, connection, dataTypes[0]!, Math.round(attemptMs), failure));
  }
  return datasets;
}
