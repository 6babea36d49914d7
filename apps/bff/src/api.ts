import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AuditLog } from './audit/audit-log.js';
import { apiAccess } from './auth/access.js';
import { authRoutes } from './auth/routes.js';
import type { BffDeps } from './deps.js';
import { ApiError } from './http/api-error.js';
import { ACTION_METHODS, exactlyOnce } from './exactly-once/idempotency.js';
import { operationsRoutes } from './exactly-once/routes.js';
import { outcomeResolver } from './exactly-once/runtime.js';
import { guardRequestInput } from './http/input-guard.js';
import { docsRoutes } from './openapi/docs-routes.js';
import { OpenApiRegistry } from './openapi/registry.js';
import { companiesRoutes } from './resources/companies/routes.js';
import { connectionsRoutes } from './resources/connections/routes.js';
import { integrationsRoutes } from './resources/integrations/routes.js';
import { sourceAccountsRoutes } from './resources/source-accounts/routes.js';
import { pullOperationsRoutes } from './resources/pull-operations/routes.js';
import { dataStatusRoutes } from './resources/data-status/routes.js';
import { linkUrlRoutes } from './actions/link-urls.js';
import { refreshRoutes } from './actions/refresh.js';
import { staffRoutes } from './resources/staff/routes.js';
import { auditEventsRoutes } from './resources/audit-events/routes.js';
import { connectionErrorGroupsRoutes } from './resources/connection-error-groups/routes.js';
import { notesRoutes } from './resources/notes/routes.js';
import { mirrorSyncsRoutes } from './resources/mirror-syncs/routes.js';
import { timelineRoutes } from './mirror/timeline/routes.js';
import { reportsRoutes } from './reports/routes.js';
import { webhookRoutes } from './webhooks/routes.js';
import { incidentsRoutes } from './resources/incidents/routes.js';
import { jobsRoutes } from './resources/jobs/routes.js';
import { fleetHealthRoutes } from './resources/fleet-health/routes.js';

/**
 * The console's API: react-admin resources (ra-data-simple-rest conventions) and a few actions.
 * Every route passes apiAccess first: session, the permission declared in ROUTE_PERMISSIONS, CSRF;
 * then guardRequestInput: no control characters in any input, and bad input refused on the record.
 */
export function apiRoutes(deps: BffDeps): Hono {
  const api = new Hono();
  const docs = new OpenApiRegistry();
  const limitBody = bodyLimit({
    maxSize: deps.settings.maxBodyBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `Request bodies are limited to ${deps.settings.maxBodyBytes} bytes.`);
    },
  });
  // Reading the body stream makes the Node adapter build a full Request: skip it where there is none.
  api.use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  const access = apiAccess(deps, new AuditLog(deps.db, deps.now, deps.logger));
  const guardInput = guardRequestInput();
  // One `use` entry: apiAccess finds the endpoint among the routes registered after its own.
  api.use((c, next) => access(c, async () => void (await guardInput(c, next))));
  const resolver = outcomeResolver(deps);
  api.on(ACTION_METHODS, '*', exactlyOnce({ db: deps.db, now: deps.now, settleMs: resolver.settleMs, watch: resolver.watch }));
  api.route('/auth', authRoutes(deps, docs));
  api.route('/companies', companiesRoutes(deps, docs));
  api.route('/connections', connectionsRoutes(deps, docs));
  api.route('/integrations', integrationsRoutes(deps, docs));
  api.route('/source-accounts', sourceAccountsRoutes(deps, docs));
  api.route('/pull-operations', pullOperationsRoutes(deps, docs));
  api.route('/data-status', dataStatusRoutes(deps, docs));
  api.route('/', linkUrlRoutes(deps, docs));
  api.route('/', refreshRoutes(deps, docs));
  api.route('/staff', staffRoutes(deps, docs));
  api.route('/audit-events', auditEventsRoutes(deps, docs));
  api.route('/connection-error-groups', connectionErrorGroupsRoutes(deps, docs));
  api.route('/incidents', incidentsRoutes(deps, docs));
  api.route('/notes', notesRoutes(deps, docs));
  api.route('/mirror-syncs', mirrorSyncsRoutes(deps, docs));
  api.route('/reports', reportsRoutes(deps, docs));
  api.route('/webhooks', webhookRoutes(deps, docs));
  api.route('/jobs', jobsRoutes(deps, docs));
  api.route('/fleet-health', fleetHealthRoutes(deps, docs));
  api.route('/', timelineRoutes(deps, docs));
  api.route('/operations', operationsRoutes(deps, docs));
  api.route('/', docsRoutes(docs));
  // Mounted sub-apps don't use their own notFound: a catch-all keeps /api answers JSON.
  api.all('*', (c) => {
    throw new ApiError(404, 'not_found', `No such API route: ${c.req.method} ${c.req.path}`);
  });
  return api;
}
