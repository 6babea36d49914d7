import type { Page } from '../schemas/common.js';

export interface ListParams {
  /** 1-based. */
  page?: number;
  /** 1–5000; Codat's default is 100. */
  pageSize?: number;
  /** Codat query language, e.g. `status!=Complete`. Never splice user text into it unescaped. */
  query?: string;
  /** One field, `-` prefix for descending. */
  orderBy?: string;
}

/**
 * Walks pages from `params.page` (default 1) until a page is empty or the pages so far cover
 * `totalResults`. The position uses the page size Codat reports, so a server that caps a large
 * `pageSize` is still walked to the end. Records added or removed while walking can shift
 * between pages — the usual limit of offset paging.
 */
export async function* walkPages<Item, Params extends ListParams>(
  params: Params,
  fetchPage: (params: Params) => Promise<Page<Item>>,
): AsyncGenerator<Page<Item>, void, undefined> {
  for (let page = params.page ?? 1; ; page += 1) {
    const current = await fetchPage({ ...params, page });
    yield current;
    const covered = (page - 1) * current.pageSize + current.results.length;
    if (current.results.length === 0 || covered >= current.totalResults) return;
  }
}

/** The query parameters every list endpoint shares. */
export function listQuery(params: ListParams): Record<string, string | number | undefined> {
  return {
    page: params.page,
    pageSize: params.pageSize,
    query: params.query,
    orderBy: params.orderBy,
  };
}
