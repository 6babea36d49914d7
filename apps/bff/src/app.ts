import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { BffDeps } from './deps.js';
import { apiRoutes } from './api.js';
import { contentSecurityPolicy } from './http/content-security-policy.js';
import { healthRoutes } from './http/health.js';
import { observeRequests } from './http/observe.js';
import { onError } from './http/on-error.js';
import { requestsInFlight } from './http/requests-in-flight.js';
import { spaRoutes } from './http/spa.js';

/** The BFF: health and metrics, the console's /api, and the built SPA. */
export function createApp(deps: BffDeps): Hono {
  const app = new Hono();
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(observeRequests(deps.logger, deps.metrics));
  app.use(contentSecurityPolicy());
  app.route('/', healthRoutes(deps));
  app.use('/api/*', requestsInFlight(deps).track);
  app.route('/api', apiRoutes(deps));
  app.route('/', spaRoutes(deps.settings.spaDir));
  app.onError(onError(deps.logger));
  return app;
}
