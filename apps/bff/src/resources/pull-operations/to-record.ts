import { parseCodatDate, type PullOperation } from '@console/codat-client';
import { compositeId, uuid } from '../../http/params.js';
import { isRunningStatus } from '@console/contracts';
import type { PullOperationRecord } from './schemas.js';

export const pullOperationId = compositeId({ companyId: uuid, datasetId: uuid });

function durationMs(requested: string, completed: string | null | undefined): number | undefined {
  const start = parseCodatDate(requested);
  const end = parseCodatDate(completed);
  return start && end ? end.getTime() - start.getTime() : undefined;
}

export function toPullOperationRecord(operation: PullOperation): PullOperationRecord {
  return {
    id: pullOperationId.format({ companyId: operation.companyId, datasetId: operation.id }),
    datasetId: operation.id,
    companyId: operation.companyId,
    connectionId: operation.connectionId,
    dataType: operation.dataType,
    status: operation.status,
    statusDescription: operation.statusDescription ?? undefined,
    errorMessage: operation.errorMessage ?? undefined,
    requested: operation.requested,
    completed: operation.completed ?? undefined,
    progress: operation.progress,
    isCompleted: operation.isCompleted,
    isErrored: operation.isErrored,
    running: isRunningStatus(operation.status),
    durationMs: durationMs(operation.requested, operation.completed),
  };
}
