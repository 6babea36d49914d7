import { useMemo } from 'react';
import { useLiveCompany } from '../companies/useCompany';
import type { ConnectionRecord } from './types';

const newestFirst = (a: ConnectionRecord, b: ConnectionRecord) => Date.parse(b.created) - Date.parse(a.created);

/** One company's connections, newest first: read with the company itself from Codat (useLiveCompany). */
export function useCompanyConnections(companyId: string) {
  const { data, isPending, error, refetch } = useLiveCompany(companyId);
  const connections = useMemo(() => data && [...data.connections].sort(newestFirst), [data]);
  return { data: connections, isPending, error, refetch };
}
