import type { Role } from '@console/contracts';
import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { App } from '../App';
import { bootConsole } from '../boot';
import { authProvider } from '../providers/authProvider';
import { session } from '../providers/session';
import { authHandlers } from './handlers/auth';
import { server } from './server';

/**
 * Renders the whole console at `path` (hash routing, as in production) against msw handlers:
 * the scenario's `handlers` first, then a signed-in `role` (admin by default).
 */
export function renderApp(path: string, { role = 'admin', handlers = [] }: { role?: Role; handlers?: RequestHandler[] } = {}) {
  session.set(undefined);
  server.use(...handlers, ...authHandlers(role));
  window.location.hash = `#${path}`;
  // As main.tsx boots the console: the session, the screen's code and first reads start before the render.
  const boot = bootConsole(window.location.hash);
  return render(<App {...boot} authProvider={authProvider} />);
}
