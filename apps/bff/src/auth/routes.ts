import type { AuthConfig, SessionState, SignInSettings } from '@console/contracts';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../audit/record.js';
import type { BffDeps } from '../deps.js';
import { conflict } from '../http/api-error.js';
import { readJsonBody } from '../http/request-input.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { clearSessionCookie } from './cookies.js';
import { currentStaff } from './context.js';
import { ssoRoutes } from './oidc/sso-routes.js';
import { loginSchema, passwordSignIn } from './password-sign-in.js';
import { forgetSession, revokeSession } from './sessions.js';
import { passwordSignInEnabled, setPasswordSignIn } from './sign-in-options.js';
import { sessionInfo } from './start-session.js';
import { authDocs } from './docs.js';

const settingsBody = z.strictObject({ passwordSignIn: z.boolean() });

/** Sign-in, sign-out, the current session, what the sign-in page offers, and SSO. */
export function authRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const settings = deps.settings.auth;
  const now = () => new Date(deps.now());
  authDocs(docs, settingsBody);

  app.get('/config', async (c) =>
    c.json<AuthConfig>({
      password: await passwordSignInEnabled(deps.db, settings),
      sso: settings.oidc !== undefined,
      ...(settings.oidc ? { ssoLabel: settings.oidc.label } : {}),
    }),
  );

  app.post('/login', async (c) => c.json(await passwordSignIn(c, deps, await readJsonBody(c, loginSchema))));

  app.post('/logout', async (c) => {
    const session = c.get('session')!;
    await deps.db.transaction(async (tx) => {
      await revokeSession(tx, session.token, now());
      await audit(c).record({ action: 'auth.logout', outcome: 'ok' }, { db: tx });
    });
    forgetSession(session.token);
    clearSessionCookie(c, settings);
    return c.body(null, 204);
  });

  app.get('/me', (c) => c.json(sessionInfo(currentStaff(c), c.get('session')!.csrfToken)));
  app.get('/session', (c) => {
    const staff = c.get('staff');
    const state: SessionState = staff ? { signedIn: true, ...sessionInfo(staff, c.get('session')!.csrfToken) } : { signedIn: false };
    return c.json(state, 200, { 'Cache-Control': 'no-store' });
  });

  const signInSettings = async (): Promise<SignInSettings> => ({
    passwordSignIn: await passwordSignInEnabled(deps.db, settings),
    sso: settings.oidc !== undefined,
  });
  app.get('/settings', async (c) => c.json(await signInSettings()));
  app.put('/settings', async (c) => {
    const { passwordSignIn } = await readJsonBody(c, settingsBody);
    if (!passwordSignIn && !settings.oidc) {
      await audit(c).record({ action: 'auth.settings.update', outcome: 'refused', reason: 'SSO is not configured', details: { passwordSignIn } });
      throw conflict('Password sign-in can only be turned off once SSO is configured (OIDC_ISSUER): nobody could sign in otherwise.');
    }
    await deps.db.transaction(async (tx) => {
      await setPasswordSignIn(tx, passwordSignIn, currentStaff(c).id, now());
      await audit(c).record({ action: 'auth.settings.update', outcome: 'ok', details: { passwordSignIn } }, { db: tx });
    });
    return c.json(await signInSettings());
  });

  app.route('/sso', ssoRoutes(deps));
  return app;
}
