import { CodatError, type CodatClient, type DataType } from '@console/codat-client';
import { ApiError } from '../../http/api-error.js';
import { isRunningStatus } from '@console/contracts';
import type { PullOperationRecord } from '../../resources/pull-operations/schemas.js';
import { toPullOperationRecord } from '../../resources/pull-operations/to-record.js';

export interface QueueDataTypeRequest {
  companyId: string;
  dataType: DataType;
  connectionId?: string;
}

function alreadyRunning(request: QueueDataTypeRequest, detail: string, running?: PullOperationRecord, codatCorrelationId?: string) {
  return new ApiError(
    409,
    'already_running',
    `Codat is already reading ${request.dataType} for company ${request.companyId}${detail}. Wait for that read to finish before queueing another.`,
    running ? { pullOperation: running } : undefined,
    {},
    codatCorrelationId,
  );
}

/**
 * Refuses before calling Codat when data status shows the type running. The status is per
 * company, so with a `connectionId` the running read must be on that connection to refuse.
 */
async function refuseIfRunning(codat: CodatClient, request: QueueDataTypeRequest): Promise<void> {
  const status = (await codat.data.status(request.companyId))[request.dataType];
  if (!status || !isRunningStatus(status.currentStatus)) return;
  if (!status.latestSyncId) throw alreadyRunning(request, ` (${status.currentStatus})`);
  const running = toPullOperationRecord(await codat.pullOperations.get(request.companyId, status.latestSyncId));
  if (!running.running) return;
  if (request.connectionId && running.connectionId !== request.connectionId) return;
  throw alreadyRunning(request, ` (${running.status}, requested ${running.requested})`, running);
}

/** Queues one data type and answers the queued pull operation; a type already running is a 409. */
export async function queueDataType(codat: CodatClient, request: QueueDataTypeRequest): Promise<PullOperationRecord> {
  await refuseIfRunning(codat, request);
  try {
    const operation = await codat.data.refreshDataType(request.companyId, request.dataType, { connectionId: request.connectionId });
    return toPullOperationRecord(operation);
  } catch (error) {
    // Codat answers 400 here (the HTTP status is not published); its exception name is what tells.
    if (error instanceof CodatError && /DatasetAlreadyInProgress/i.test(error.codatError ?? error.message)) {
      throw alreadyRunning(request, ` (Codat: ${error.codatError ?? error.message})`, undefined, error.correlationId);
    }
    throw error;
  }
}
