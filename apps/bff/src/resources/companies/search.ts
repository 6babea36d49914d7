import { CodatError, type CodatClient, type Company } from '@console/codat-client';
import { collectPages } from '../../codat/collect.js';
import { allOf, anyOf, clause, isUuid, tagFilter, type Query } from '../../codat/safe-query.js';
import { sortRecords } from '../../codat/sort-records.js';
import type { Logger } from '../../observability/logger.js';
import type { CompanySortField } from './schemas.js';

/** Most companies one search merges, sorts and pages in the BFF. */
export const SEARCH_LIMIT = 5000;
const SEARCH_PAGE_SIZE = 1000;

export interface SearchResult {
  companies: Company[];
  /** More matched than SEARCH_LIMIT: only the first ones (in the requested order) are included. */
  capped: boolean;
}

interface SearchInput {
  /** Already checked by safeSearchText. */
  text: string;
  /** Status and platform filters, ANDed into every part. */
  base: Query | undefined;
  orderBy: string | undefined;
  merchantIdTag: string;
}

/**
 * One search box over company id, connection id, name, description and merchant id. Codat can't
 * OR a `query` with a `tags` filter, so each is its own request; distinct results are merged in
 * that order (exact id matches first).
 */
export async function searchCompanies(codat: CodatClient, logger: Logger, input: SearchInput): Promise<SearchResult> {
  const { text, base, orderBy, merchantIdTag } = input;
  const collect = (query: Query | undefined, tags?: string) =>
    collectPages(codat.companies.pages({ pageSize: SEARCH_PAGE_SIZE, query, orderBy, tags }), SEARCH_LIMIT);

  const parts = [
    collect(allOf(anyOf(clause('name', '~', text), clause('description', '~', text)), base)),
    collect(base, tagFilter({ key: merchantIdTag, op: '~', value: text })),
  ];
  if (isUuid(text)) {
    const id = text.toLowerCase();
    parts.unshift(
      collect(allOf(clause('id', '=', id), base)),
      // Not every Codat may resolve this property: a 400 means "no connection-id matches".
      collect(allOf(clause('dataConnections.id', '=', id), base)).catch((error: unknown) => {
        if (!(error instanceof CodatError && error.status === 400)) throw error;
        logger.warn({ codatCorrelationId: error.correlationId }, 'Codat refused a connection-id search; treating it as no match');
        return { items: [], total: 0, truncated: false };
      }),
    );
  }

  const merged = new Map<string, Company>();
  let capped = false;
  for (const part of await Promise.all(parts)) {
    capped ||= part.truncated;
    for (const company of part.items) if (!merged.has(company.id)) merged.set(company.id, company);
  }
  const companies = [...merged.values()];
  return { companies: companies.slice(0, SEARCH_LIMIT), capped: capped || companies.length > SEARCH_LIMIT };
}

/** The order Codat's `orderBy` gives, for merged results. */
export function sortCompanies(companies: Company[], field: CompanySortField, order: 'ASC' | 'DESC'): Company[] {
  return sortRecords(companies, (company) => company[field], field === 'created' || field === 'lastSync' ? 'date' : 'text', order);
}
