import { useGetList } from 'react-admin';
import type { ConnectionRecord } from './types';

/** One company's connections (all of them: a company has a handful), newest first. */
export function useCompanyConnections(companyId: string) {
  return useGetList<ConnectionRecord>(
    'connections',
    { filter: { companyId }, pagination: { page: 1, perPage: 500 }, sort: { field: 'created', order: 'DESC' } },
    // The error is shown where the connections would be, with "Try again".
    { retry: false },
  );
}
