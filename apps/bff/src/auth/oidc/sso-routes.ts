import { Hono, type Context } from 'hono';
import * as client from 'openid-client';
import type { AuditActor } from '../../audit/audit-log.js';
import { audit } from '../../audit/record.js';
import type { BffDeps } from '../../deps.js';
import { ApiError, notFound } from '../../http/api-error.js';
import { clearSsoFlowCookie, readSsoFlowCookie, setSsoFlowCookie } from '../cookies.js';
import { toStaffUser } from '../staff-store.js';
import { startSession } from '../start-session.js';
import { oidcProvider } from './provider.js';
import { groupsOf, roleForGroups, ssoAccount, type SsoIdentity } from './sso-account.js';
import { openFlow, SSO_FLOW_MS, takeFlow } from './sso-flows.js';

/** Only a path of this console: `/x` but not `//host` or `/\host`, which browsers treat as other sites. */
export function safeReturnTo(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) && value.length <= 500 ? value : '/';
}

/** Where the browser lands when SSO sign-in fails; the SPA's sign-in page reads `sso_error`. */
const loginPage = (code: string) => `/login?sso_error=${code}`;

/** OpenID Connect sign-in: authorization code with PKCE, state and nonce, bound to the browser by a flow cookie. */
export function ssoRoutes(deps: BffDeps): Hono {
  const app = new Hono();
  const settings = deps.settings.auth;
  const oidc = settings.oidc;
  if (!oidc) {
    app.get('/start', () => {
      throw notFound('SSO is not configured (OIDC_ISSUER).');
    });
    app.get('/callback', () => {
      throw notFound('SSO is not configured (OIDC_ISSUER).');
    });
    return app;
  }
  if (!settings.publicUrl) throw new Error('SSO needs PUBLIC_URL: the redirect URI registered at the provider is built from it.');
  const provider = oidcProvider(oidc);
  const redirectUri = new URL('/api/auth/sso/callback', settings.publicUrl).href;
  const now = () => new Date(deps.now());
  const discover = () =>
    provider().catch((error: unknown) => {
      deps.logger.error({ err: error, issuer: oidc.issuer }, 'OpenID provider discovery failed');
      throw new ApiError(503, 'sso_unavailable', 'The single sign-on provider cannot be reached right now. Try again shortly.');
    });

  app.get('/start', async (c) => {
    const config = await discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const flow = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, returnTo: safeReturnTo(c.req.query('returnTo')) };
    setSsoFlowCookie(c, settings, await openFlow(deps.db, flow, now()), SSO_FLOW_MS);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: oidc.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return c.redirect(url.href, 302);
  });

  app.get('/callback', async (c) => {
    const key = readSsoFlowCookie(c);
    clearSsoFlowCookie(c, settings);
    const flow = key ? await takeFlow(deps.db, key, now()) : undefined;
    let actor: AuditActor = {};
    const refuse = async (outcome: 'refused' | 'failed', reason: string, code: string) => {
      await audit(c).record({ action: 'auth.login', outcome, reason, details: { method: 'sso' } }, { actor });
      return c.redirect(loginPage(code), 302);
    };
    if (!flow) return refuse('refused', 'no SSO sign-in in progress in this browser, or it expired', 'expired');

    let claims: Record<string, unknown>;
    try {
      claims = await signedInClaims(await discover(), c, redirectUri, flow);
    } catch (error) {
      return refuse('failed', `provider: ${describeError(error)}`, 'provider');
    }
    const email = typeof claims.email === 'string' ? claims.email : undefined;
    actor = { email };
    if (!email) return refuse('refused', 'the provider sent no email claim', 'no_email');
    const groups = groupsOf(claims, oidc.groupsClaim);
    const role = roleForGroups(groups, oidc);
    if (!role) return refuse('refused', `no role for groups [${groups.join(', ')}] in OIDC_ROLE_MAP`, 'no_role');
    const account = await ssoAccount(deps.db, identityOf(claims, email), role, now());
    actor = toStaffUser(account);
    if (account.disabledAt) return refuse('refused', 'account disabled', 'disabled');

    await startSession(c, deps, account, 'sso');
    return c.redirect(flow.returnTo, 302);
  });

  return app;
}

/** Redeems the code (PKCE, state and nonce checked) and merges the ID token's claims with userinfo. */
async function signedInClaims(
  config: client.Configuration,
  c: Context,
  redirectUri: string,
  flow: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  const current = new URL(redirectUri);
  current.search = new URL(c.req.url).search;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
  });
  const idToken = tokens.claims()!;
  const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
  return { ...idToken, ...userInfo };
}

/** openid-client's messages are generic ("invalid response encountered"); the cause says which check failed. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return [error.message, cause].filter(Boolean).join(': ');
}

function identityOf(claims: Record<string, unknown>, email: string): SsoIdentity {
  return {
    subject: `${String(claims.iss)} ${String(claims.sub)}`,
    email,
    emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
    name: typeof claims.name === 'string' ? claims.name : undefined,
  };
}
