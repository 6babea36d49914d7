import { ROLE_PERMISSIONS, type Role, type SessionInfo } from '@console/contracts';
import { http, HttpResponse } from 'msw';

export function sessionFor(role: Role): SessionInfo {
  return {
    user: { id: `user-${role}`, email: `${role}@console.test`, name: `Test ${role}`, role },
    permissions: [...ROLE_PERMISSIONS[role]],
    csrfToken: 'csrf-test-token',
  };
}

/** A signed-in staff member of `role` (admin unless a test says otherwise). */
export function authHandlers(role: Role = 'admin') {
  return [
    http.get('*/api/auth/me', () => HttpResponse.json(sessionFor(role))),
    http.get('*/api/auth/session', () => HttpResponse.json({ signedIn: true, ...sessionFor(role) })),
    http.get('*/api/auth/config', () => HttpResponse.json({ password: true, sso: false })),
    http.post('*/api/auth/logout', () => new HttpResponse(null, { status: 204 })),
  ];
}

/** A signed-out visitor, as GET /api/auth/session answers one. */
export const signedOut = () => http.get('*/api/auth/session', () => HttpResponse.json({ signedIn: false }));
