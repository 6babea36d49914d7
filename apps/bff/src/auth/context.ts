import type { StaffUser } from '@console/contracts';
import type { Context } from 'hono';
import type { AuditLog } from '../audit/audit-log.js';
import { ApiError } from '../http/api-error.js';
import type { RequestClient } from './client.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in staff member; unset on public routes called without a session. */
    staff?: StaffUser;
    /** The session's cookie token and CSRF token. */
    session?: { token: string; csrfToken: string };
    /** The caller's IP and user agent. */
    client?: RequestClient;
    /** Bound by the /api access middleware, so `audit(c)` needs no other dependency. */
    auditLog?: AuditLog;
    /** The endpoint this request reaches, `METHOD <Hono route pattern>`, as ROUTE_PERMISSIONS keys it. */
    endpoint?: string;
    /** Set once this request has written an audit entry. */
    audited?: boolean;
  }
}

/** The signed-in staff member; routes behind a permission always have one. */
export function currentStaff(c: Context): StaffUser {
  const staff = c.get('staff');
  if (!staff) throw new ApiError(401, 'unauthenticated', 'Sign in to continue.');
  return staff;
}
