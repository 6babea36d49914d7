import { pageOf, type Page } from '../schemas/common.js';
import {
  dataStatusesSchema,
  pullOperationSchema,
  type DataStatuses,
  type DataType,
  type PullOperation,
} from '../schemas/data.js';
import type { Caller } from './caller.js';
import { path } from './paths.js';
import { listQuery, walkPages, type ListParams } from './paging.js';

const pullOperationPageSchema = pageOf(pullOperationSchema);

export function dataOperations(caller: Caller) {
  return {
    /**
     * Queues every "fetch on first link" data type; answers nothing. Poll `status` or
     * `pullOperations` for progress.
     */
    refreshAll: (companyId: string): Promise<void> =>
      caller.empty({
        operation: 'data.refreshAll',
        method: 'POST',
        path: path`/companies/${companyId}/data/all`,
        companyId,
      }),
    /** Re-queueing a type whose previous dataset still runs is an error (`DatasetAlreadyInProgressException`). */
    refreshDataType: (
      companyId: string,
      dataType: DataType,
      options: { connectionId?: string } = {},
    ): Promise<PullOperation> =>
      caller.json(
        {
          operation: 'data.refreshDataType',
          method: 'POST',
          path: path`/companies/${companyId}/data/queue/${dataType}`,
          query: { connectionId: options.connectionId },
          companyId,
        },
        pullOperationSchema,
      ),
    status: (companyId: string): Promise<DataStatuses> =>
      caller.json(
        {
          operation: 'data.status',
          method: 'GET',
          path: path`/companies/${companyId}/dataStatus`,
          companyId,
        },
        dataStatusesSchema,
      ),
  };
}

export function pullOperationsOperations(caller: Caller) {
  const list = (companyId: string, params: ListParams = {}): Promise<Page<PullOperation>> =>
    caller.json(
      {
        operation: 'pullOperations.list',
        method: 'GET',
        path: path`/companies/${companyId}/data/history`,
        companyId,
        query: listQuery(params),
      },
      pullOperationPageSchema,
    );

  return {
    list,
    pages: (companyId: string, params: ListParams = {}) =>
      walkPages(params, (pageParams) => list(companyId, pageParams)),
    get: (companyId: string, datasetId: string): Promise<PullOperation> =>
      caller.json(
        {
          operation: 'pullOperations.get',
          method: 'GET',
          path: path`/companies/${companyId}/data/history/${datasetId}`,
          companyId,
        },
        pullOperationSchema,
      ),
  };
}
