import type { QueryClient } from '@tanstack/react-query';
import { useGetOne, type DataProvider } from 'react-admin';
import type { CompanyRecord, LiveCompanyRecord } from './types';

/**
 * Components mounting later (a tab's lazy chunk, the Share panel) share an answer this recent
 * instead of asking again (a failure too: each component mounting would otherwise ask Codat again);
 * a change made through the console refreshes it at once.
 */
const SHARED_FOR_MS = 30_000;
const SHARED = { retry: false, retryOnMount: false, staleTime: SHARED_FOR_MS } as const;
const LIVE = { live: true };

/** The company as the fleet mirror holds it (no Codat round trip once the mirror has synced). */
export function useMirrorCompany(companyId: string) {
  return useGetOne<CompanyRecord>('companies', { id: companyId }, SHARED);
}

/**
 * The company as Codat has it now, with its connections: one Codat call, shared by every component
 * that shows the company's connections (header, Connections, Share panel, Data, Bank feeds).
 */
export function useLiveCompany(companyId: string) {
  return useGetOne<LiveCompanyRecord>('companies', { id: companyId, meta: LIVE }, SHARED);
}

/**
 * Starts both reads at boot, before the company page has rendered (its id is in the URL), under
 * the query keys useGetOne gives them (ra-core: `[resource, 'getOne', { id: String(id), meta }]`),
 * so the page's hooks find them in flight or answered.
 */
export function prefetchCompany(queryClient: QueryClient, dataProvider: DataProvider, companyId: string): void {
  for (const meta of [undefined, LIVE]) {
    void queryClient.prefetchQuery({
      queryKey: ['companies', 'getOne', { id: companyId, meta }],
      queryFn: async () => (await dataProvider.getOne('companies', { id: companyId, meta })).data,
      ...SHARED,
    });
  }
}
