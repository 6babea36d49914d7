import type { Emulator } from '../emulator.js';
import { CodatError } from '../http/errors.js';
import type { CompanyRecord, ConnectionRecord, DatasetRecord } from '../store/types.js';
import { isDataType, sourceTypeOf, supportsDataType, type DataType } from './data-types.js';
import { platformByKey } from './platforms.js';
import { queueFetchOnFirstLink, queuePullOperation, runningDataset } from './pull-operations.js';

/**
 * All 400 from `PullApi`: 400 and 404 are the only client errors the spec declares for the refresh
 * routes, so the official SDK parses these bodies as `ErrorMessage` (a 409 would reach it as a
 * generic error). Codat's docs use 400 for the unsupported-data-type case too.
 */
export const refreshErrors = {
  unknownDataType: (dataType: string) =>
    new CodatError(400, 'PullApi', `Error processing request - '${dataType}' is not a valid data type.`),
  notSupported: (dataType: string, connections: ConnectionRecord[]) =>
    new CodatError(
      400,
      'PullApi',
      `Datatype '${dataType}' not supported by platform ${connections.map(integrationIdOf).join(', ')}`,
    ),
  alreadyInProgress: (dataset: DatasetRecord) =>
    new CodatError(
      400,
      'PullApi',
      `DatasetAlreadyInProgressException: Cannot queue ${dataset.dataType} sync for ${dataset.companyId} as previous sync ${dataset.id} is still in progress`,
    ),
  noLinkedConnections: (company: CompanyRecord) =>
    new CodatError(400, 'PullApi', `Company ${company.id} has no linked data connections.`),
};

function integrationIdOf(connection: ConnectionRecord): string {
  return platformByKey(connection.integrationKey)?.integrationId ?? connection.integrationKey;
}

/**
 * Connections Codat would try to read from: Linked ones, and Deauthorized ones, whose reads end in
 * `AuthError`. PendingAuth (never linked) and Unlinked (severed on purpose) are left alone.
 */
function syncableConnections(emu: Emulator, company: CompanyRecord): ConnectionRecord[] {
  return emu.store
    .connectionsOf(company)
    .filter((connection) => connection.status === 'Linked' || connection.status === 'Deauthorized');
}

export function parseDataType(raw: string): DataType {
  if (!isDataType(raw)) throw refreshErrors.unknownDataType(raw);
  return raw;
}

/**
 * `POST /data/queue/{dataType}`: one dataset per qualifying connection (only `connection` when
 * given, whatever its status); returns them in connection order. Nothing is queued if any
 * target connection still has a dataset of this type running.
 */
export function refreshDataType(
  emu: Emulator,
  company: CompanyRecord,
  dataType: DataType,
  connection?: ConnectionRecord,
): DatasetRecord[] {
  let targets: ConnectionRecord[];
  if (connection) {
    if (!supportsDataType(sourceTypeOf(connection), dataType)) throw refreshErrors.notSupported(dataType, [connection]);
    targets = [connection];
  } else {
    const syncable = syncableConnections(emu, company);
    if (syncable.length === 0) throw refreshErrors.noLinkedConnections(company);
    targets = syncable.filter((candidate) => supportsDataType(sourceTypeOf(candidate), dataType));
    if (targets.length === 0) throw refreshErrors.notSupported(dataType, syncable);
  }
  for (const target of targets) {
    const running = runningDataset(emu, target, dataType);
    if (running) throw refreshErrors.alreadyInProgress(running);
  }
  return targets.map((target) => queuePullOperation(emu, { company, connection: target, dataType }));
}

/**
 * `POST /data/all`: the "fetch on first link" types of every syncable connection. Types already
 * running are skipped rather than refused: the endpoint has no body to report them in.
 */
export function refreshAll(emu: Emulator, company: CompanyRecord): DatasetRecord[] {
  const syncable = syncableConnections(emu, company);
  if (syncable.length === 0) throw refreshErrors.noLinkedConnections(company);
  return syncable.flatMap((connection) => queueFetchOnFirstLink(emu, company, connection));
}
