import { QueryClient } from '@tanstack/react-query';
import { authProvider } from './providers/authProvider';
import { createDataProvider, type ConsoleDataProvider } from './providers/dataProvider';
import { prefetchCompany } from './resources/companies/useCompany';
import { preloadRoute } from './ui/lazyScreen';

/** Reads a screen needs first, started from its URL alone (`#/companies/:id/show/…`). */
function prefetchRouteData(hash: string, queryClient: QueryClient, dataProvider: ConsoleDataProvider): void {
  const companyPage = /^#\/companies\/([^/?]+)\/show(?:[/?]|$)/.exec(hash);
  if (companyPage) prefetchCompany(queryClient, dataProvider, decodeURIComponent(companyPage[1]!));
}

/**
 * What the console does before React first renders, from the URL alone: the session, the opened
 * screen's code and, once the session is known to be signed in, the screen's first reads — so a
 * page load waits for one round trip at a time, not for each after the render before it.
 */
export function bootConsole(hash: string): { queryClient: QueryClient; dataProvider: ConsoleDataProvider } {
  const queryClient = new QueryClient();
  const dataProvider = createDataProvider();
  preloadRoute(hash);
  void authProvider.checkAuth({}).then(
    () => prefetchRouteData(hash, queryClient, dataProvider),
    () => undefined,
  );
  return { queryClient, dataProvider };
}
