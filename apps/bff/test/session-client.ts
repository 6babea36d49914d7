import { CSRF_HEADER, type SessionInfo } from '@console/contracts';
import type { Hono } from 'hono';

/** `app` whose `request()` adds the session cookie and CSRF header (tests that call react-admin's provider use it). */
export function withSession(app: Hono, client: { cookie?: string; session?: SessionInfo }): Hono {
  if (!client.cookie || !client.session) return app;
  const { cookie, session } = client;
  const wrapped = Object.create(app) as Hono;
  wrapped.request = (input, init, ...rest) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('Cookie')) headers.set('Cookie', cookie);
    if (!headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, session.csrfToken);
    return app.request(input, { ...init, headers }, ...rest);
  };
  return wrapped;
}

/** The `console_session` value from a response's Set-Cookie, as a Cookie header. */
export function sessionCookieOf(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('console_session='));
  if (!setCookie) throw new Error('no session cookie was set');
  return setCookie.split(';')[0]!;
}
