import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetOneParams, GetOneResult, RaRecord } from 'react-admin';
import { httpClient } from './httpClient';

export interface SharedUrl {
  kind: 'company' | 'connection' | 'invite';
  url: string;
  expiresAt?: string | null;
  note?: string;
  warning?: string;
  message?: string;
}

const post = async <T,>(path: string, body?: unknown): Promise<T> =>
  (await httpClient<T>(`/api${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })).json;
const get = async <T,>(path: string): Promise<T> => (await httpClient<T>(`/api${path}`)).json;

/** The console's own calls beside react-admin's CRUD: actions, not resources. */
export const consoleActions = {
  companyLinkUrl: (companyId: string) => post<SharedUrl>(`/companies/${companyId}/link-url`),
  connectionLinkUrl: (connectionRecordId: string) => post<SharedUrl>(`/connections/${encodeURIComponent(connectionRecordId)}/link-url`),
  inviteUrl: () => get<SharedUrl>('/invite-url'),
  unlinkConnection: (connectionRecordId: string) => post<Record<string, unknown>>(`/connections/${encodeURIComponent(connectionRecordId)}/unlink`),
  refreshAll: (companyId: string) => post<{ queued: boolean }>(`/companies/${companyId}/refresh`),
  refreshDataType: (companyId: string, dataType: string, connectionId?: string) =>
    post<Record<string, unknown>>(`/companies/${companyId}/refresh/${encodeURIComponent(dataType)}`, connectionId ? { connectionId } : {}),
  syncProgress: (companyId: string) => get<{ running: Array<Record<string, unknown>>; anyRunning: boolean; lastSync?: string }>(`/companies/${companyId}/sync-progress`),
  revealSourceAccount: (recordId: string) => post<{ accountNumber: string | null; sortCode: string | null }>(`/source-accounts/${encodeURIComponent(recordId)}/reveal`),
  validateSourceAccount: (payload: unknown) => post<{ valid: boolean; errors: Array<{ field: string; message: string }> }>('/source-accounts/validate', payload),
  createSourceAccounts: (payload: unknown) => post<{ results: Array<Record<string, unknown>> }>('/source-accounts/batch', payload),
};

export type ConsoleActions = typeof consoleActions;
export type ConsoleDataProvider = DataProvider & ConsoleActions;

/** The header of mirror-backed answers: when the mirror last completed a sync, or `never`. */
const REFRESHED_AT_HEADER = 'X-Mirror-Refreshed-At';

/**
 * A company: from the mirror (the record gets `mirrorRefreshedAt`), or with `meta.live` from Codat
 * now, with its connections.
 */
async function getCompany(params: GetOneParams) {
  const live = Boolean((params.meta as { live?: boolean } | undefined)?.live);
  const { json, headers } = await httpClient<Record<string, unknown>>(`/api/companies/${encodeURIComponent(String(params.id))}${live ? '?live=true' : ''}`);
  const refreshedAt = headers.get(REFRESHED_AT_HEADER);
  return { data: { ...json, id: params.id, ...(refreshedAt && refreshedAt !== 'never' ? { mirrorRefreshedAt: refreshedAt } : {}) } };
}

/** react-admin's own ra-data-simple-rest provider, a company read that knows the mirror, and the console's actions. */
export function createDataProvider(): ConsoleDataProvider {
  const rest = simpleRestProvider('/api', httpClient);
  return {
    ...rest,
    getOne: <RecordType extends RaRecord>(resource: string, params: GetOneParams<RecordType>) =>
      resource === 'companies' ? (getCompany(params) as Promise<GetOneResult<RecordType>>) : rest.getOne<RecordType>(resource, params),
    ...consoleActions,
  };
}
