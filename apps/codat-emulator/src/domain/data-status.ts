import type { DatasetRecord } from '../store/types.js';
import { DATA_TYPES } from './data-types.js';
import { codatTimestamp } from './dates.js';
import { finishMs, statusAt } from './pull-lifecycle.js';

/**
 * `dataStatus`: one entry per data type ever queued, in the spec's key order. Types never synced
 * are omitted (the SDK requires `currentStatus`, which they would not have). An entry carries the
 * last-success fields only once a sync of that type has succeeded.
 */
export function renderDataStatuses(datasets: readonly DatasetRecord[], now: number) {
  const latest = new Map<string, DatasetRecord>();
  const latestSuccess = new Map<string, DatasetRecord>();
  // Oldest first, so later datasets overwrite earlier ones.
  for (const dataset of datasets) {
    latest.set(dataset.dataType, dataset);
    if (statusAt(dataset, now) === 'Complete') latestSuccess.set(dataset.dataType, dataset);
  }
  const statuses: Record<string, Record<string, string>> = {};
  for (const dataType of DATA_TYPES) {
    const last = latest.get(dataType);
    if (!last) continue;
    const entry: Record<string, string> = { dataType, currentStatus: statusAt(last, now), latestSyncId: last.id };
    const success = latestSuccess.get(dataType);
    if (success) {
      entry.lastSuccessfulSync = success.completed ?? codatTimestamp(finishMs(success));
      entry.latestSuccessfulSyncId = success.id;
    }
    statuses[dataType] = entry;
  }
  return statuses;
}
