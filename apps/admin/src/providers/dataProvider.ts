import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetOneParams, GetOneResult, RaRecord } from 'react-admin';
import { httpClient, type HttpResponse } from './httpClient';

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
 * What a list's `meta` carries: `searchCap` when more matched than the BFF counts (it pages within
 * the cap); `mirrorRefreshedAt`, the X-Mirror-Refreshed-At header of mirror-backed lists.
 */
export interface ListMeta {
  searchCap?: number;
  mirrorRefreshedAt?: string;
}

/** List headers, by their parsed body: ra-data-simple-rest passes on only the body and the total. */
const listMetas = new WeakMap<object, ListMeta>();

async function listAwareClient<T>(url: string, options?: RequestInit): Promise<HttpResponse<T>> {
  const response = await httpClient<T>(url, options);
  const cap = Number(response.headers.get('X-Search-Capped'));
  const refreshedAt = response.headers.get(REFRESHED_AT_HEADER);
  const meta: ListMeta = { ...(cap > 0 ? { searchCap: cap } : {}), ...(refreshedAt ? { mirrorRefreshedAt: refreshedAt } : {}) };
  if (Object.keys(meta).length > 0 && typeof response.json === 'object' && response.json !== null) listMetas.set(response.json, meta);
  return response;
}

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

/** react-admin's own ra-data-simple-rest provider, plus the search cap and mirror time in a list's meta, a company read that knows the mirror, and the console's actions. */
export function createDataProvider(): ConsoleDataProvider {
  const rest = simpleRestProvider('/api', listAwareClient);
  return {
    ...rest,
    getList: async (resource, params) => {
      const result = await rest.getList(resource, params);
      const meta = listMetas.get(result.data);
      return meta ? { ...result, meta: { ...result.meta, ...meta } satisfies ListMeta } : result;
    },
    getOne: <RecordType extends RaRecord>(resource: string, params: GetOneParams<RecordType>) =>
      resource === 'companies' ? (getCompany(params) as Promise<GetOneResult<RecordType>>) : rest.getOne<RecordType>(resource, params),
    ...consoleActions,
  };
}
