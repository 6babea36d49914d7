import { PERMISSIONS, ROLES } from '@console/contracts';
import { z } from 'zod';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { loginSchema } from './password-sign-in.js';

export const staffUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) });

const sessionInfoSchema = z.object({
  user: staffUserSchema,
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS])),
  csrfToken: z.string().describe('Send as X-CSRF-Token on every state-changing request.'),
});

const tag = 'auth';

export function authDocs(docs: OpenApiRegistry, settingsBody: z.ZodType): void {
  const signInSettings = z.object({ passwordSignIn: z.boolean(), sso: z.boolean() });
  docs.add(
    {
      method: 'get',
      path: '/auth/config',
      tag,
      summary: 'Public: which sign-in methods the sign-in page offers.',
      response: z.object({ password: z.boolean(), sso: z.boolean(), ssoLabel: z.string().optional() }),
    },
    {
      method: 'post',
      path: '/auth/login',
      tag,
      summary:
        'Public: password sign-in. Sets the httpOnly session cookie. 401 wrong email or password; 429 with Retry-After after ' +
        'repeated failures (per account and per client IP); 403 when the account is disabled or password sign-in is off.',
      body: loginSchema,
      response: sessionInfoSchema,
    },
    { method: 'post', path: '/auth/logout', tag, summary: 'Ends (revokes) the current session.', status: 204 },
    { method: 'get', path: '/auth/me', tag, summary: 'The signed-in user, their permissions and the CSRF token.', response: sessionInfoSchema },
    {
      method: 'get',
      path: '/auth/session',
      tag,
      summary: 'Public: like /auth/me, but a signed-out visitor gets 200 {signedIn: false} instead of a 401 (no error in the browser console).',
      response: z.union([sessionInfoSchema.extend({ signedIn: z.literal(true) }), z.object({ signedIn: z.literal(false) })]),
    },
    {
      method: 'get',
      path: '/auth/sso/start',
      tag,
      summary: 'Public: redirects to the OpenID Connect provider (authorization code + PKCE). Optional query returnTo: a path of this console.',
      query: z.object({ returnTo: z.string().optional() }),
      status: 302,
    },
    {
      method: 'get',
      path: '/auth/sso/callback',
      tag,
      summary: 'Public: the provider returns here; signs in and redirects to returnTo, or to /login?sso_error=<code>.',
      status: 302,
    },
    { method: 'get', path: '/auth/settings', tag, summary: 'Admin: sign-in settings.', response: signInSettings },
    {
      method: 'put',
      path: '/auth/settings',
      tag,
      summary: 'Admin: turn password sign-in off (only while SSO is configured) or on again.',
      body: settingsBody,
      response: signInSettings,
    },
  );
}
