import type { QueryClient } from '@tanstack/react-query';
import { getQuery, parseQueryFromLocation, type DataProvider, type SortPayload, type Store } from 'react-admin';

/** A react-admin list's own sort and page size, shared by its `<List>` and its boot read. */
export interface ListDefaults {
  sort: SortPayload;
  perPage: number;
}

/**
 * How long a page read at boot counts as fresh: the list mounts after it has answered, and would
 * otherwise read it again at once (react-query's default staleTime is 0).
 */
const BOOT_READ_FRESH_MS = 5_000;

/**
 * Starts a list's first page before the list has rendered, with the params its useListParams will
 * compute (the URL's query, else the params stored from the last visit, else the list's defaults)
 * under the key useGetList gives it (ra-core: `[resource, 'getList', { pagination, sort, filter, meta }]`).
 */
export function prefetchList(queryClient: QueryClient, dataProvider: DataProvider, store: Store, resource: string, search: string, defaults: ListDefaults): void {
  const query = getQuery({
    queryFromLocation: parseQueryFromLocation({ search }),
    params: store.getItem(`${resource}.listParams`, {}),
    filterDefaultValues: undefined,
    sort: defaults.sort,
    perPage: defaults.perPage,
  });
  const params = {
    pagination: { page: query.page, perPage: query.perPage },
    sort: { field: query.sort, order: query.order },
    filter: { ...query.filter },
    meta: undefined,
  };
  const queryKey = [resource, 'getList', params];
  queryClient.setQueryDefaults(queryKey, { staleTime: BOOT_READ_FRESH_MS });
  queryClient
    .fetchQuery({
      queryKey,
      // As useListController asks: a failed list shows its error at once, with a retry button.
      retry: false,
      queryFn: async () => {
        const { data, total, pageInfo, meta } = await dataProvider.getList(resource, params);
        return { data, total, pageInfo, meta };
      },
    })
    // A failure is forgotten, so the list reads for itself and shows its own error once, rather
    // than showing this one and then replacing it with a loading state when it retries.
    .catch(() => queryClient.resetQueries({ queryKey, exact: true }));
}
