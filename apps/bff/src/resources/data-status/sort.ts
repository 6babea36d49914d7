import { sortRecords, type SortKind } from '../../codat/sort-records.js';
import type { DATA_STATUS_SORT_FIELDS, DataStatusRecord } from './schemas.js';

type SortField = (typeof DATA_STATUS_SORT_FIELDS)[number];

const KIND: Record<SortField, SortKind> = { dataType: 'text', currentStatus: 'text', lastSuccessfulSync: 'date' };

export function sortDataStatuses(records: DataStatusRecord[], field: SortField, order: 'ASC' | 'DESC'): DataStatusRecord[] {
  return sortRecords(records, (record) => record[field], KIND[field], order);
}
