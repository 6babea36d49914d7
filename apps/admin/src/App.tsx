import type { QueryClient } from '@tanstack/react-query';
import { Admin, Resource, type AuthProvider, type Store } from 'react-admin';
import { AccessDeniedPage } from './access/AccessDeniedPage';
import { guarded } from './access/guarded';
import type { ConsoleDataProvider } from './providers/dataProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { Dashboard } from './dashboard/Dashboard';
import { companies } from './resources/companies';
import { connections } from './resources/connections';
import { integrations } from './resources/integrations';
import { auditEvents } from './resources/audit-events';
import { staff } from './resources/staff';
import { connectionErrorGroups } from './resources/connection-error-groups';
import { incidents } from './resources/incidents';
import { mirrorSyncs } from './resources/mirror-syncs';
import { jobs } from './resources/jobs';
import { reports } from './reports';

export interface AppProps {
  dataProvider: ConsoleDataProvider;
  authProvider: AuthProvider;
  /** The react-query cache, shared with what bootConsole started before the first render. */
  queryClient?: QueryClient;
  /** react-admin's store (list params and preferences), the one bootConsole read the opened list's params from. */
  store?: Store;
}

/** The console, as a table of contents: one resource per folder under resources/. */
export function App({ dataProvider, authProvider, queryClient, store }: AppProps) {
  return (
    <Admin
      title="Codat Ops Console"
      dataProvider={dataProvider}
      authProvider={authProvider}
      queryClient={queryClient}
      store={store}
      layout={Layout}
      loginPage={LoginPage}
      dashboard={Dashboard}
      theme={theme}
      requireAuth
      accessDenied={AccessDeniedPage}
      disableTelemetry
    >
      <Resource {...guarded(companies)} />
      <Resource {...connections} />
      <Resource {...guarded(connectionErrorGroups)} />
      <Resource {...guarded(incidents)} />
      <Resource {...guarded(jobs)} />
      <Resource {...guarded(reports)} />
      <Resource {...guarded(auditEvents)} />
      <Resource {...guarded(staff)} />
      <Resource {...guarded(mirrorSyncs)} />
      <Resource {...integrations} />
      <Resource name="source-accounts" />
      <Resource name="pull-operations" />
      <Resource name="data-status" />
    </Admin>
  );
}
