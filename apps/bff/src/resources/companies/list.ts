import { CodatError, CONNECTION_STATUSES, type Company } from '@console/codat-client';
import { allOf, clause, safeSearchText, type Query } from '../../codat/safe-query.js';
import type { BffDeps } from '../../deps.js';
import { badRequest } from '../../http/api-error.js';
import { codatRange } from '../../http/params.js';
import type { ListQuery } from '../../http/simple-rest.js';
import type { CompanyFilter, CompanySortField } from './schemas.js';
import { searchCompanies, sortCompanies } from './search.js';

export interface CompanyPage {
  companies: Company[];
  /** Index of the first company in the whole result. */
  start: number;
  total: number;
  /** Set when a search matched more than the BFF merges; see SEARCH_LIMIT. */
  capped?: number;
}

/**
 * Status and platform as a Codat query. Each clause matches any of a company's connections
 * (Codat's semantics), so `status` and `platform` together need not hit the same connection.
 * "No connections" is Codat's documented form: not equal to every status.
 */
export function statusAndPlatformQuery(filter: CompanyFilter): Query | undefined {
  const status =
    filter.status === 'NoConnections'
      ? allOf(...CONNECTION_STATUSES.map((status) => clause('dataConnections.status', '!=', status)))
      : filter.status ? clause('dataConnections.status', '=', filter.status) : undefined;
  const platform = filter.platform ? clause('dataConnections.integrationKey', '=', filter.platform) : undefined;
  return allOf(status, platform);
}

/** getMany: each id read on its own; ids Codat doesn't know are left out. */
async function companiesById(deps: BffDeps, ids: string[]): Promise<Company[]> {
  const found = await Promise.all(
    [...new Set(ids)].map((id) =>
      deps.codat.companies.get(id).catch((error: unknown) => {
        if (error instanceof CodatError && error.status === 404) return undefined;
        throw error;
      }),
    ),
  );
  return found.filter((company): company is Company => company !== undefined);
}

export async function listCompanies(deps: BffDeps, list: ListQuery<CompanyFilter, CompanySortField>): Promise<CompanyPage> {
  const { filter, start, end, sort } = list;
  if (filter.id !== undefined) {
    if (Object.keys(filter).length > 1) throw badRequest('The "id" filter (getMany) cannot be combined with other filters.');
    const companies = await companiesById(deps, [filter.id].flat());
    return { companies, start: 0, total: companies.length };
  }
  const base = statusAndPlatformQuery(filter);
  const orderBy = sort && `${sort.order === 'DESC' ? '-' : ''}${sort.field}`;
  const text = filter.q === undefined ? '' : safeSearchText(filter.q);
  if (text === '') {
    // Straight through Codat's pages, so a list stays fast at any fleet size.
    const { records, total } = await codatRange(start, end, (page, pageSize) => deps.codat.companies.list({ page, pageSize, query: base, orderBy }));
    return { companies: records, start, total };
  }

  const found = await searchCompanies(deps.codat, deps.logger, { text, base, orderBy, merchantIdTag: deps.settings.merchantIdTag });
  const ordered = sort ? sortCompanies(found.companies, sort.field, sort.order) : found.companies;
  return {
    companies: ordered.slice(start, end + 1),
    start,
    total: ordered.length,
    capped: found.capped ? ordered.length : undefined,
  };
}
