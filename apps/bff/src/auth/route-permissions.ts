import type { Permission } from '@console/contracts';

/**
 * Who may call a route: a permission from the role matrix (DESIGN.md §5), any signed-in staff
 * member, or anyone (`public`). `middleware` marks a sub-app's `use()` entry, which is not an
 * endpoint of its own.
 */
export type RouteAccess = Permission | 'signed-in' | 'public' | 'middleware';

/**
 * Every /api route, keyed `METHOD <Hono route pattern>`. The access middleware refuses a route
 * that is missing here (500, logged), and the route-matrix test fails on it.
 */
export const ROUTE_PERMISSIONS: Record<string, RouteAccess> = {
  // Sign-in
  'GET /api/auth/config': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/sso/start': 'public',
  'GET /api/auth/sso/callback': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'GET /api/auth/session': 'public',
  'GET /api/auth/settings': 'staff.manage',
  'PUT /api/auth/settings': 'staff.manage',

  // Companies
  'GET /api/companies': 'companies.read',
  'GET /api/companies/:id': 'companies.read',
  // Outreach for every company the list's filter matches: every role; relink URLs only for those who may reveal links.
  'GET /api/companies/outreach/export': 'diagnostics.read',
  'POST /api/companies': 'companies.create',
  'PUT /api/companies/:id': 'companies.create',
  'DELETE /api/companies/:id': 'companies.delete',

  // Connections
  'GET /api/connections': 'companies.read',
  'GET /api/connections/:id': 'companies.read',
  'POST /api/connections': 'companies.create',
  'DELETE /api/connections/:id': 'companies.delete',
  'POST /api/connections/:id/unlink': 'connections.unlink',

  // Integrations
  'GET /api/integrations': 'companies.read',
  'GET /api/integrations/:key': 'companies.read',
  'GET /api/integrations/:key/logo': 'companies.read',

  // Bank-feed source accounts; revealing full account numbers is for those who may edit them.
  'GET /api/source-accounts': 'companies.read',
  'GET /api/source-accounts/:id': 'companies.read',
  'POST /api/source-accounts': 'source-accounts.write',
  'POST /api/source-accounts/batch': 'source-accounts.write',
  'POST /api/source-accounts/validate': 'source-accounts.write',
  'POST /api/source-accounts/:id/reveal': 'source-accounts.write',
  'PUT /api/source-accounts/:id': 'source-accounts.write',
  'DELETE /api/source-accounts/:id': 'source-accounts.write',

  // Diagnostics
  'GET /api/pull-operations': 'diagnostics.read',
  'GET /api/pull-operations/:id': 'diagnostics.read',
  'GET /api/data-status': 'diagnostics.read',
  'GET /api/data-status/:id': 'diagnostics.read',
  'GET /api/companies/:companyId/sync-progress': 'diagnostics.read',

  // Actions
  'POST /api/companies/:id/link-url': 'links.reveal',
  'POST /api/connections/:id/link-url': 'links.reveal',
  'GET /api/invite-url': 'links.reveal',
  'GET /api/invite-url/availability': 'links.reveal',
  'POST /api/companies/:companyId/refresh': 'data.refresh',
  'POST /api/companies/:companyId/refresh/:dataType': 'data.refresh',

  // Staff and audit
  'GET /api/staff': 'staff.manage',
  'GET /api/staff/:id': 'staff.manage',
  'POST /api/staff': 'staff.manage',
  'PUT /api/staff/:id': 'staff.manage',
  'POST /api/staff/:id/reset-password': 'staff.manage',
  'POST /api/staff/:id/unlock': 'staff.manage',
  'GET /api/audit-events': 'audit.read',
  'GET /api/audit-events/export': 'audit.read',
  'GET /api/audit-events/:id': 'audit.read',
  // The actor's own actions; audit readers see everyone's (checked in the route).
  'GET /api/operations/:id': 'signed-in',

  // Fleet mirror: error triage and timelines (everyone reads diagnostics), notes (support and
  // admins write), finance's reports; every export needs reports.read; syncs are for admins.
  'GET /api/connection-error-groups': 'diagnostics.read',
  'GET /api/incidents': 'diagnostics.read',
  'GET /api/connection-error-groups/export': 'reports.read',
  'GET /api/connection-error-groups/:id': 'diagnostics.read',
  'GET /api/connection-error-groups/:id/companies/export': 'reports.read',
  // For customer success's outreach: every role; relink URLs only for those who may reveal links.
  'GET /api/connection-error-groups/:id/outreach/export': 'diagnostics.read',
  'GET /api/companies/:id/timeline': 'diagnostics.read',
  'GET /api/companies/:id/timeline/export': 'reports.read',
  'GET /api/notes': 'diagnostics.read',
  'GET /api/notes/:id': 'diagnostics.read',
  'POST /api/notes': 'notes.write',
  'GET /api/reports/connection-counts': 'reports.read',
  'GET /api/reports/connection-counts/export': 'reports.read',
  'GET /api/reports/connection-counts/series': 'reports.read',
  'GET /api/reports/connection-counts/changes': 'reports.read',
  'GET /api/reports/connection-counts/changes/export': 'reports.read',
  'GET /api/reports/connection-counts/trend': 'reports.read',
  'GET /api/reports/months/:month': 'reports.read',
  'GET /api/reports/months/:month/pack': 'reports.read',
  'PUT /api/reports/months/:month/invoice': 'months.close',
  'POST /api/reports/months/:month/invoice/ids': 'months.close',
  'POST /api/reports/months/:month/close': 'months.close',
  'GET /api/reports/connection-counts/companies': 'reports.read',
  'GET /api/reports/connection-counts/companies/export': 'reports.read',
  'GET /api/reports/possible-duplicates': 'reports.read',
  'GET /api/reports/possible-duplicates/export': 'reports.read',
  'GET /api/mirror-syncs': 'staff.manage',
  'GET /api/mirror-syncs/:id': 'staff.manage',
  'POST /api/mirror-syncs': 'staff.manage',
  // Bulk jobs: only roles allowed the single action (queue a refresh) start, cancel or resume one.
  'GET /api/jobs': 'diagnostics.read',
  'GET /api/jobs/:id': 'diagnostics.read',
  'GET /api/jobs/:id/items': 'diagnostics.read',
  'POST /api/jobs': 'data.refresh',
  'POST /api/jobs/:id/cancel': 'data.refresh',
  'POST /api/jobs/:id/resume': 'data.refresh',
  // The dashboard's fleet charts: diagnostics every role reads.
  'GET /api/fleet-health': 'diagnostics.read',
  // Codat has no session: the Svix signature is checked instead (webhooks/routes.ts).
  'POST /api/webhooks/codat': 'public',

  // The API's own documentation, and the JSON 404 for unknown /api paths
  'GET /api/openapi.json': 'signed-in',
  'GET /api/docs': 'signed-in',
  'ALL /api/*': 'signed-in',
  // The exactly-once middleware (action runtime; Idempotency-Key on state-changing requests) in front of every route.
  'GET /api/*': 'middleware',
  'POST /api/*': 'middleware',
  'PUT /api/*': 'middleware',
  'PATCH /api/*': 'middleware',
  'DELETE /api/*': 'middleware',
};
