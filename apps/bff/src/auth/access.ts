import { can, CSRF_HEADER } from '@console/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AuditLog } from '../audit/audit-log.js';
import { audit } from '../audit/record.js';
import type { BffDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import { requestClient } from './client.js';
import './context.js';
import { readSessionCookie } from './cookies.js';
import { originAllowed, SAFE_METHODS } from './origin.js';
import { ROUTE_PERMISSIONS, type RouteAccess } from './route-permissions.js';
import { findActiveSession, sameToken } from './sessions.js';
import { toStaffUser } from './staff-store.js';

/**
 * The endpoint this request will reach: the first route matched after this middleware, by its
 * Hono pattern (`POST /api/companies/:id/link-url`), with what ROUTE_PERMISSIONS says about it.
 */
function endpointOf(c: Context): { key: string; access: Exclude<RouteAccess, 'middleware'> | undefined } {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  for (const route of matchedRoutes(c).slice(c.req.routeIndex + 1)) {
    if (route.method !== method && route.method !== 'ALL') continue;
    const key = `${route.method} ${route.path}`;
    const access = ROUTE_PERMISSIONS[key];
    if (access !== 'middleware') return { key, access };
  }
  return { key: `${method} (unmatched)`, access: undefined };
}

/**
 * The one gate in front of every /api route: who is signed in (server-side session), whether
 * the route's declared permission allows them, and, for state-changing requests, the Origin
 * check and the session's CSRF token. Refusals of signed-in staff are audited.
 */
export function apiAccess(deps: BffDeps, auditLog: AuditLog): MiddlewareHandler {
  const settings = deps.settings.auth;
  return async (c, next) => {
    c.set('auditLog', auditLog);
    c.set('client', requestClient(c, settings.trustProxyHops));
    const { key, access } = endpointOf(c);
    c.set('endpoint', key);
    if (access === undefined) {
      deps.logger.error({ route: key, requestId: c.get('requestId') }, 'route has no entry in ROUTE_PERMISSIONS: refused');
      throw new ApiError(500, 'route_permission_missing', 'This route has no declared permission, so the console refuses it.');
    }
    const refuse = async (reason: string, code: string, message: string) => {
      await audit(c).record({ action: 'access.refused', outcome: 'refused', reason, details: { route: key, path: c.req.path } });
      throw new ApiError(403, code, message);
    };

    const token = readSessionCookie(c);
    const session = token ? await findActiveSession(deps.db, token, new Date(deps.now()), settings) : undefined;
    const staff = session && toStaffUser(session.user);
    if (token && session && staff) {
      c.set('staff', staff);
      c.set('session', { token, csrfToken: session.csrfToken });
    }
    const changing = !SAFE_METHODS.has(c.req.method);
    if (changing && !originAllowed(c, settings)) {
      await refuse('request from another site (Origin)', 'csrf_origin', 'This request came from another site and was refused.');
    }
    if (access === 'public') return next();
    if (!session || !staff) throw new ApiError(401, 'unauthenticated', 'Sign in to continue.');
    if (changing && !sameToken(session.csrfToken, c.req.header(CSRF_HEADER))) {
      await refuse(`missing or wrong ${CSRF_HEADER}`, 'csrf_token', `Send the session's CSRF token in ${CSRF_HEADER}; reload the page if this persists.`);
    }
    if (access !== 'signed-in' && !can(staff.role, access)) {
      await refuse(`role ${staff.role} lacks ${access}`, 'forbidden', `Your role does not allow this (it needs the ${access} permission).`);
    }
    return next();
  };
}
