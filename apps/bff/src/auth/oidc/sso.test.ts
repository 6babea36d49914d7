import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../../../test/audit-entries.js';
import { browseProvider, startOidcProvider } from '../../../test/oidc-provider.js';
import { sessionCookieOf, startStack, type Stack } from '../../../test/stack.js';

const PUBLIC_URL = 'http://console.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/sso/callback`;

describe('single sign-on with OpenID Connect against a real provider', () => {
  let idp: Awaited<ReturnType<typeof startOidcProvider>>;
  let stack: Stack;

  beforeAll(async () => {
    idp = await startOidcProvider({
      redirectUri: REDIRECT_URI,
      users: {
        alice: { email: 'alice@corp.example', name: 'Alice Support', groups: ['everyone', 'ops-support'] },
        bob: { email: 'bob@corp.example', name: 'Bob Marketing', groups: ['everyone', 'marketing'] },
        carol: { email: 'carol@corp.example', name: 'Carol Admin', groups: ['ops-support', 'ops-admins'] },
      },
    });
    stack = await startStack({
      scenario: 'empty',
      auth: {
        publicUrl: PUBLIC_URL,
        oidc: {
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          scopes: 'openid email profile groups',
          groupsClaim: 'groups',
          roleMap: [
            ['ops-admins', 'admin'],
            ['ops-support', 'support'],
          ],
          label: 'Sign in with Corp SSO',
        },
      },
    });
  });
  afterAll(async () => {
    await stack.close();
    await idp.close();
  });

  /** The whole browser round trip: start, the provider's redirects, the callback. */
  async function signInWithSso(user: string, returnTo?: string) {
    idp.signInAs(user);
    const start = await stack.raw.request(`/api/auth/sso/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
    expect(start.status).toBe(302);
    const flowCookie = start.headers.getSetCookie().find((cookie) => cookie.startsWith('console_sso_flow='))!.split(';')[0]!;
    const callbackUrl = await browseProvider(start.headers.get('Location')!, idp.issuer);
    expect(callbackUrl.startsWith(REDIRECT_URI)).toBe(true);
    const callback = await stack.raw.request(callbackUrl.slice(PUBLIC_URL.length), { headers: { Cookie: flowCookie } });
    return { start, callback, callbackUrl, flowCookie };
  }

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const start = await stack.raw.request('/api/auth/sso/start');
    const url = new URL(start.headers.get('Location')!);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'console',
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid email profile groups',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    expect(start.headers.get('Set-Cookie')).toMatch(/^console_sso_flow=[\w-]+; Max-Age=600; Path=\/api\/auth\/sso; HttpOnly; SameSite=Lax/);
    expect((await stack.raw.json('/api/auth/config')).body).toEqual({ password: true, sso: true, ssoLabel: 'Sign in with Corp SSO' });
  });

  it('signs a user in end to end, with the role their groups map to, and audits it', async () => {
    const before = await lastAuditId(stack.db);
    const { callback } = await signInWithSso('alice', '/companies?tab=recent');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('Location')).toBe('/companies?tab=recent');
    const me = await stack.raw.json('/api/auth/me', { headers: { Cookie: sessionCookieOf(callback) } });
    expect(me.body.user).toMatchObject({ email: 'alice@corp.example', name: 'Alice Support', role: 'support' });
    expect(me.body.permissions).toContain('data.refresh');
    const staff = await stack.json(`/api/staff/${me.body.user.id}`);
    expect(staff.body).toMatchObject({ sso: true, passwordSet: false });
    expect(await auditRows(stack.db, before)).toMatchObject([
      { action: 'auth.login', outcome: 'ok', actorEmail: 'alice@corp.example', actorRole: 'support', details: { method: 'sso' } },
    ]);
  });

  it('takes the first matching group of the role map (most privileged first)', async () => {
    const { callback } = await signInWithSso('carol');
    const me = await stack.raw.json('/api/auth/me', { headers: { Cookie: sessionCookieOf(callback) } });
    expect(me.body.user.role).toBe('admin');
  });

  it('refuses a user whose groups map to no role, and audits the refusal', async () => {
    const before = await lastAuditId(stack.db);
    const { callback } = await signInWithSso('bob');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('Location')).toBe('/login?sso_error=no_role');
    expect(callback.headers.getSetCookie().some((cookie) => cookie.startsWith('console_session=') && !cookie.startsWith('console_session=;'))).toBe(false);
    expect(await auditRows(stack.db, before)).toMatchObject([
      { action: 'auth.login', outcome: 'refused', actorEmail: 'bob@corp.example', reason: 'no role for groups [everyone, marketing] in OIDC_ROLE_MAP' },
    ]);
    const staff = await stack.json(`/api/staff?filter=${encodeURIComponent('{"q":"bob"}')}`);
    expect(staff.body).toEqual([]);
  });

  it('refuses a user an admin disabled in the console, even though the provider signs them in', async () => {
    const first = await signInWithSso('carol');
    const carol = await stack.raw.json('/api/auth/me', { headers: { Cookie: sessionCookieOf(first.callback) } });
    expect((await stack.json(`/api/staff/${carol.body.user.id}`, { method: 'PUT', body: { disabled: true } })).status).toBe(200);
    expect((await stack.raw.json('/api/auth/me', { headers: { Cookie: sessionCookieOf(first.callback) } })).status).toBe(401);

    const before = await lastAuditId(stack.db);
    const { callback } = await signInWithSso('carol');
    expect(callback.headers.get('Location')).toBe('/login?sso_error=disabled');
    expect(await auditRows(stack.db, before)).toMatchObject([{ action: 'auth.login', outcome: 'refused', reason: 'account disabled', actorEmail: 'carol@corp.example' }]);
    expect((await stack.json(`/api/staff/${carol.body.user.id}`)).body).toMatchObject({ disabled: true, role: 'admin' });
  });

  it('refuses a callback in a browser that did not start the flow, and a replayed one', async () => {
    const { callbackUrl, flowCookie, callback } = await signInWithSso('alice');
    expect(callback.status).toBe(302);
    const replay = await stack.raw.request(callbackUrl.slice(PUBLIC_URL.length), { headers: { Cookie: flowCookie } });
    expect(replay.headers.get('Location')).toBe('/login?sso_error=expired');
    const foreign = await stack.raw.request(callbackUrl.slice(PUBLIC_URL.length));
    expect(foreign.headers.get('Location')).toBe('/login?sso_error=expired');
  });

  it('refuses a callback whose state does not match its flow', async () => {
    idp.signInAs('alice');
    const start = await stack.raw.request('/api/auth/sso/start');
    const flowCookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
    const callbackUrl = new URL(await browseProvider(start.headers.get('Location')!, idp.issuer));
    callbackUrl.searchParams.set('state', 'forged');
    const before = await lastAuditId(stack.db);
    const callback = await stack.raw.request(callbackUrl.pathname + callbackUrl.search, { headers: { Cookie: flowCookie } });
    expect(callback.headers.get('Location')).toBe('/login?sso_error=provider');
    expect((await auditRows(stack.db, before))[0]).toMatchObject({ action: 'auth.login', outcome: 'failed', reason: expect.stringContaining('state') });
  });

  it('only returns to paths of the console', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const { callback } = await signInWithSso('alice', returnTo);
      expect(callback.headers.get('Location')).toBe('/');
    }
  });
});

describe('single sign-on when not configured', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty' });
  });
  afterAll(() => stack.close());

  it('answers 404 for the SSO routes', async () => {
    expect((await stack.raw.json('/api/auth/sso/start')).status).toBe(404);
    expect((await stack.raw.json('/api/auth/sso/callback?code=x&state=y')).status).toBe(404);
  });
});
