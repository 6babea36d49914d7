import { useMemo } from 'react';
import { useGetList } from 'react-admin';
import type { IntegrationRecord } from './types';

const ALL = { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' as const }, filter: {} };

/** Every integration (the BFF caches Codat's list), by key too; shared by pickers, filters and logos. */
export function useIntegrations() {
  const { data, isPending, error, refetch } = useGetList<IntegrationRecord>('integrations', ALL, { staleTime: 5 * 60_000, retry: false });
  const byKey = useMemo(() => new Map((data ?? []).map((integration) => [integration.key, integration])), [data]);
  return { integrations: data ?? [], byKey, isPending, error, refetch };
}
