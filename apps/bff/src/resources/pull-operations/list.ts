import type { CodatClient } from '@console/codat-client';
import type { z } from 'zod';
import { codatRange } from '../../http/params.js';
import type { pullOperationFilterSchema, PullOperationRecord } from './schemas.js';
import { toPullOperationRecord } from './to-record.js';

export type PullOperationFilter = z.infer<typeof pullOperationFilterSchema>;

/**
 * Codat's `query` for the filter. Every value was parsed as an enum member or a UUID, so none can
 * add a clause. (`connectionId` is not among the fields Codat documents as queryable on
 * `data/history`; the emulator supports it, as Codat's `Dataset` model has the field.)
 */
export function historyQuery(filter: Omit<PullOperationFilter, 'companyId'>): string | undefined {
  const clauses = [
    filter.dataType && `dataType=${filter.dataType}`,
    filter.status && `status=${filter.status}`,
    filter.connectionId && `connectionId=${filter.connectionId}`,
  ].filter(Boolean);
  return clauses.length > 0 ? clauses.join('&&') : undefined;
}

/** One page of a company's pull operations, ordered by `requested`. */
export async function listPullOperations(
  codat: CodatClient,
  filter: PullOperationFilter,
  range: { start: number; end: number; order: 'ASC' | 'DESC' },
): Promise<{ records: PullOperationRecord[]; total: number }> {
  const query = historyQuery(filter);
  const orderBy = range.order === 'ASC' ? 'requested' : '-requested';
  const { records, total } = await codatRange(range.start, range.end, (page, pageSize) =>
    codat.pullOperations.list(filter.companyId, { page, pageSize, query, orderBy }),
  );
  return { records: records.map(toPullOperationRecord), total };
}
