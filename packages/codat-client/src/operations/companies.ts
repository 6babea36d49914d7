import { pageOf, type Page } from '../schemas/common.js';
import {
  companyAccessTokenSchema,
  companySchema,
  type Company,
  type CompanyAccessToken,
  type CompanyInput,
  type CompanyUpdate,
} from '../schemas/companies.js';
import type { Caller } from './caller.js';
import { path } from './paths.js';
import { listQuery, walkPages, type ListParams } from './paging.js';

export interface CompanyListParams extends ListParams {
  /** Tag filter, e.g. `region=uk && team=invoice-finance` (operators `=`, `!=`, `~`). */
  tags?: string;
}

const companyPageSchema = pageOf(companySchema);

export function companiesOperations(caller: Caller) {
  const list = (params: CompanyListParams = {}): Promise<Page<Company>> =>
    caller.json(
      {
        operation: 'companies.list',
        method: 'GET',
        path: '/companies',
        query: { ...listQuery(params), tags: params.tags },
      },
      companyPageSchema,
    );

  return {
    list,
    pages: (params: CompanyListParams = {}) => walkPages(params, list),
    /** Never retried automatically: a duplicate company is billable. */
    create: (body: CompanyInput): Promise<Company> =>
      caller.json(
        { operation: 'companies.create', method: 'POST', path: '/companies', body },
        companySchema,
      ),
    get: (companyId: string): Promise<Company> =>
      caller.json(
        {
          operation: 'companies.get',
          method: 'GET',
          path: path`/companies/${companyId}`,
          companyId,
        },
        companySchema,
      ),
    /** PUT: name, description and tags are replaced; whatever is omitted is cleared. */
    replace: (companyId: string, body: CompanyInput): Promise<Company> =>
      caller.json(
        {
          operation: 'companies.replace',
          method: 'PUT',
          path: path`/companies/${companyId}`,
          companyId,
          body,
        },
        companySchema,
      ),
    /** PATCH: omitted or `null` fields stay as they are. */
    update: (companyId: string, body: CompanyUpdate): Promise<Company> =>
      caller.json(
        {
          operation: 'companies.update',
          method: 'PATCH',
          path: path`/companies/${companyId}`,
          companyId,
          body,
        },
        companySchema,
      ),
    /** Irreversible: removes the company, its connections and cached data. */
    delete: (companyId: string): Promise<void> =>
      caller.empty({
        operation: 'companies.delete',
        method: 'DELETE',
        path: path`/companies/${companyId}`,
        companyId,
      }),
    /** A ~24 h token scoped to the company, for the embeddable Link SDK. */
    accessToken: (companyId: string): Promise<CompanyAccessToken> =>
      caller.json(
        {
          operation: 'companies.accessToken',
          method: 'GET',
          path: path`/companies/${companyId}/accessToken`,
          companyId,
        },
        companyAccessTokenSchema,
      ),
  };
}
