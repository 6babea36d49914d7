import type { Emulator } from '../emulator.js';
import type { CodatEventType } from '../events.js';
import type { CompanyRecord, DatasetRecord } from '../store/types.js';
import { referenceCompany } from '../webhooks/payloads.js';
import { codatTimestamp } from './dates.js';
import { finishMs } from './pull-lifecycle.js';

/** Datasets of one first read after linking, shared by each member until the group is announced. */
const initialReads = new WeakMap<DatasetRecord, DatasetRecord[]>();

export function markInitialRead(datasets: DatasetRecord[]): void {
  const pending = datasets.filter((dataset) => !dataset.settled);
  for (const dataset of pending) initialReads.set(dataset, pending);
}

/** Records the outcome; a successful read moves the connection's and company's `lastSync` forward. */
export function settleDataset(emu: Emulator, dataset: DatasetRecord): void {
  const completedMs = finishMs(dataset);
  dataset.settled = true;
  dataset.completedMs = completedMs;
  dataset.completed = codatTimestamp(completedMs);
  emu.store.pendingDatasets.delete(dataset);
  if (dataset.outcome !== 'Complete') return;
  const connection = emu.store.connections.get(dataset.connectionId);
  if (connection && (connection.lastSyncMs ?? -Infinity) < completedMs) {
    connection.lastSyncMs = completedMs;
    connection.lastSync = dataset.completed;
  }
  const company = emu.store.companies.get(dataset.companyId);
  if (company && (company.lastSyncMs ?? -Infinity) < completedMs) {
    company.lastSyncMs = completedMs;
    company.lastSync = dataset.completed;
  }
}

function emitRead(
  emu: Emulator,
  eventType: CodatEventType,
  company: CompanyRecord,
  datasets: DatasetRecord[],
  modifiedFromDate: string | undefined,
): void {
  emu.events.emit({
    eventType,
    companyId: company.id,
    payload: {
      referenceCompany: referenceCompany(company),
      ...(modifiedFromDate ? { modifiedFromDate } : {}),
      dataTypes: datasets.map((dataset) => ({
        connectionId: dataset.connectionId,
        dataType: dataset.dataType,
        recordsModified: dataset.outcome === 'Complete',
        status: dataset.outcome,
        issues: [],
      })),
    },
  });
}

/**
 * Settles every dataset that has reached its outcome, then raises one `read.completed` per company
 * (`modifiedFromDate` = the company's lastSync before this read) and `read.completed.initial`
 * once every dataset of a first read has finished.
 */
export function settleDueDatasets(emu: Emulator, now: number): void {
  const dueByCompany = new Map<string, DatasetRecord[]>();
  for (const dataset of emu.store.pendingDatasets) {
    if (finishMs(dataset) > now) continue;
    const due = dueByCompany.get(dataset.companyId);
    if (due) due.push(dataset);
    else dueByCompany.set(dataset.companyId, [dataset]);
  }
  for (const [companyId, datasets] of dueByCompany) {
    const company = emu.store.companies.get(companyId);
    const modifiedFromDate = company?.lastSync;
    for (const dataset of datasets) settleDataset(emu, dataset);
    if (!company) continue;
    emitRead(emu, 'read.completed', company, datasets, modifiedFromDate);
    for (const dataset of datasets) {
      const group = initialReads.get(dataset);
      if (!group || !group.every((member) => member.settled)) continue;
      for (const member of group) initialReads.delete(member);
      emitRead(emu, 'read.completed.initial', company, group, undefined);
    }
  }
}
