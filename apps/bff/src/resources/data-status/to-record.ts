import type { DataStatuses } from '@console/codat-client';
import { z } from 'zod';
import { compositeId, uuid } from '../../http/params.js';
import { isRunningStatus } from '@console/contracts';
import type { DataStatusRecord } from './schemas.js';

/** Data type keys are matched loosely here: a type Codat adds later still gets a usable id. */
export const dataStatusId = compositeId({
  companyId: uuid,
  dataType: z.string().regex(/^[A-Za-z][A-Za-z-]{0,63}$/),
});

/** One record per data type Codat reports, sorted by data type; empty (null) entries are skipped. */
export function toDataStatusRecords(companyId: string, statuses: DataStatuses): DataStatusRecord[] {
  return Object.entries(statuses)
    .flatMap(([key, status]): DataStatusRecord[] => {
      if (!status) return [];
      const dataType = status.dataType || key;
      return [
        {
          id: dataStatusId.format({ companyId, dataType }),
          companyId,
          dataType,
          currentStatus: status.currentStatus ?? undefined,
          lastSuccessfulSync: status.lastSuccessfulSync ?? undefined,
          latestSyncId: status.latestSyncId ?? undefined,
          latestSuccessfulSyncId: status.latestSuccessfulSyncId ?? undefined,
          running: isRunningStatus(status.currentStatus),
        },
      ];
    })
    .sort((a, b) => (a.dataType < b.dataType ? -1 : a.dataType > b.dataType ? 1 : 0));
}
