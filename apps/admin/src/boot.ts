import { QueryClient } from '@tanstack/react-query';
import { localStorageStore, type Store } from 'react-admin';
import { authProvider } from './providers/authProvider';
import { createDataProvider, type ConsoleDataProvider } from './providers/dataProvider';
import { AUDIT_LIST } from './resources/audit-events/listDefaults';
import { COMPANY_LIST } from './resources/companies/listDefaults';
import { prefetchCompany } from './resources/companies/useCompany';
import { ERROR_GROUP_LIST } from './resources/connection-error-groups/listDefaults';
import { STAFF_LIST } from './resources/staff/listDefaults';
import { reportParamsOf, reportPaths } from './reports/reportParams';
import { prefetchApi } from './reports/useApiQuery';
import { preloadRoute } from './ui/lazyScreen';
import { prefetchList, type ListDefaults } from './ui/prefetchList';

/** The react-admin lists whose first page boot reads from their URL (`#/<resource>?…`). */
const LISTS: Record<string, ListDefaults> = {
  companies: COMPANY_LIST,
  'connection-error-groups': ERROR_GROUP_LIST,
  'audit-events': AUDIT_LIST,
  staff: STAFF_LIST,
};

interface Boot {
  queryClient: QueryClient;
  dataProvider: ConsoleDataProvider;
  store: Store;
}

interface RouteReads {
  /** The resource and action the screen needs permission for: a role without it reads nothing. */
  resource: string;
  action: 'list' | 'show';
  start: (boot: Boot) => void;
}

/** The reads a screen needs first, from its URL alone. */
function routeReads(hash: string): RouteReads | undefined {
  const companyPage = /^#\/companies\/([^/?]+)\/show(?:[/?]|$)/.exec(hash);
  if (companyPage) {
    const id = decodeURIComponent(companyPage[1]!);
    return { resource: 'companies', action: 'show', start: ({ queryClient, dataProvider }) => prefetchCompany(queryClient, dataProvider, id) };
  }
  const report = /^#\/reports(?:\/connection-counts)?\/?(\?.*)?$/.exec(hash);
  if (report) {
    const { month, rule, query } = reportParamsOf(report[1] ?? '');
    const paths = [reportPaths.counts(query), reportPaths.trend(rule), reportPaths.month(month, rule)];
    return { resource: 'reports', action: 'list', start: () => paths.forEach(prefetchApi) };
  }
  const [, resource = '', search = ''] = /^#\/([^/?]+)\/?(\?.*)?$/.exec(hash) ?? [];
  const defaults = LISTS[resource];
  if (!defaults) return undefined;
  return { resource, action: 'list', start: ({ queryClient, dataProvider, store }) => prefetchList(queryClient, dataProvider, store, resource, search, defaults) };
}

/**
 * What the console does before React first renders, from the URL alone: the session, the opened
 * screen's code and, once the session is known to allow the screen, its first reads — so a page
 * load waits for one round trip at a time, not for each after the render before it.
 */
export function bootConsole(hash: string): Boot {
  const boot = { queryClient: new QueryClient(), dataProvider: createDataProvider(), store: localStorageStore() };
  preloadRoute(hash);
  const reads = routeReads(hash);
  void authProvider
    .checkAuth({})
    .then(async () => {
      if (reads && (await authProvider.canAccess!({ resource: reads.resource, action: reads.action }))) reads.start(boot);
    })
    .catch(() => undefined);
  return boot;
}
