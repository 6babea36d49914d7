import type { Role } from '@console/contracts';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import type { ReactElement } from 'react';
import { AdminContext } from 'react-admin';
import { authProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';
import { session } from '../providers/session';
import { authHandlers } from './handlers/auth';
import { server } from './server';

/**
 * Renders one component (a company-page panel, a screen) inside react-admin's context — data
 * and auth providers against msw, a hash router — for a signed-in `role` (admin by default).
 */
export function renderPanel(ui: ReactElement, { role = 'admin', handlers = [] }: { role?: Role; handlers?: RequestHandler[] } = {}) {
  session.set(undefined);
  server.use(...handlers, ...authHandlers(role));
  return render(
    <AdminContext dataProvider={createDataProvider()} authProvider={authProvider}>
      {ui}
    </AdminContext>,
  );
}
