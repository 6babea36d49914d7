import { useGetOne } from 'react-admin';

/**
 * Components mounting later (a tab's lazy chunk, the Share panel) share an answer this recent
 * instead of asking again (a failure too: each component mounting would otherwise ask Codat again);
 * a change made through the console refreshes it at once.
 */
const SHARED_FOR_MS = 30_000;
import type { CompanyRecord, LiveCompanyRecord } from './types';

/** The company as the fleet mirror holds it (no Codat round trip once the mirror has synced). */
export function useMirrorCompany(companyId: string) {
  return useGetOne<CompanyRecord>('companies', { id: companyId }, { retry: false, retryOnMount: false, staleTime: SHARED_FOR_MS });
}

/**
 * The company as Codat has it now, with its connections: one Codat call, shared by every component
 * that shows the company's connections (header, Connections, Share panel, Data, Bank feeds).
 */
export function useLiveCompany(companyId: string) {
  return useGetOne<LiveCompanyRecord>('companies', { id: companyId, meta: { live: true } }, { retry: false, retryOnMount: false, staleTime: SHARED_FOR_MS });
}
