import type { Emulator } from '../emulator.js';
import type { CompanyRecord, ConnectionRecord, DatasetRecord } from '../store/types.js';
import { initialDataTypes, sourceTypeOf } from './data-types.js';
import { codatTimestamp } from './dates.js';
import { newId } from './ids.js';
import { finishMs, isFinished, type PullOutcome } from './pull-lifecycle.js';
import { markInitialRead, settleDataset, settleDueDatasets } from './pull-settlement.js';

export interface QueuePullOptions {
  company: CompanyRecord;
  connection: ConnectionRecord;
  dataType: string;
  /** Defaults to `Complete` on a Linked connection and `AuthError` on any other. */
  outcome?: PullOutcome;
  /** Defaults to now. A backdated dataset that has already finished is history: see below. */
  requestedMs?: number;
  /** Defaults to `emu.config.syncStepMs`. */
  stepMs?: number;
}

const registered = new WeakSet<Emulator>();

/** Settles due datasets on every tick. Idempotent: safe to call from every module that queues. */
export function registerPullOperations(emu: Emulator): void {
  if (registered.has(emu)) return;
  registered.add(emu);
  emu.onTick((now) => settleDueDatasets(emu, now));
}

/**
 * Queues one dataset. Its status then follows the clock; the next tick after it finishes settles
 * it (lastSync, `read.completed`). A backdated dataset that has already finished is recorded as
 * history instead: it is settled at once, updating lastSync but raising no webhook.
 */
export function queuePullOperation(emu: Emulator, options: QueuePullOptions): DatasetRecord {
  registerPullOperations(emu);
  const { company, connection } = options;
  const now = emu.clock.now();
  const requestedMs = options.requestedMs ?? now;
  const dataset: DatasetRecord = {
    id: newId(),
    companyId: company.id,
    connectionId: connection.id,
    dataType: options.dataType,
    requested: codatTimestamp(requestedMs),
    requestedMs,
    stepMs: Math.max(1, options.stepMs ?? emu.config.syncStepMs),
    outcome: options.outcome ?? (connection.status === 'Linked' ? 'Complete' : 'AuthError'),
    settled: false,
  };
  emu.store.addDataset(dataset);
  if (options.requestedMs !== undefined && finishMs(dataset) <= now) settleDataset(emu, dataset);
  return dataset;
}

/** The dataset of this type still running on the connection, if any. */
export function runningDataset(
  emu: Emulator,
  connection: ConnectionRecord,
  dataType: string,
): DatasetRecord | undefined {
  const now = emu.clock.now();
  const datasets = emu.store.datasets.get(connection.companyId) ?? [];
  for (let i = datasets.length - 1; i >= 0; i--) {
    const dataset = datasets[i]!;
    if (dataset.connectionId === connection.id && dataset.dataType === dataType && !isFinished(dataset, now)) {
      return dataset;
    }
  }
  return undefined;
}

/** Queues the "fetch on first link" data types the connection supports, skipping any still running. */
export function queueFetchOnFirstLink(
  emu: Emulator,
  company: CompanyRecord,
  connection: ConnectionRecord,
): DatasetRecord[] {
  return initialDataTypes(sourceTypeOf(connection))
    .filter((dataType) => !runningDataset(emu, connection, dataType))
    .map((dataType) => queuePullOperation(emu, { company, connection, dataType }));
}

/** The first read after linking: `read.completed.initial` is raised once all of it has finished. */
export function queueInitialSync(emu: Emulator, connection: ConnectionRecord): DatasetRecord[] {
  const company = emu.store.companies.get(connection.companyId);
  if (!company) return [];
  const datasets = queueFetchOnFirstLink(emu, company, connection);
  markInitialRead(datasets);
  return datasets;
}
