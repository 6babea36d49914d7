import { CSRF_HEADER } from '@console/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../../test/audit-entries.js';
import { DATABASE_KINDS } from '../../test/databases.js';
import { STACK_ACCOUNTS, startStack, type Stack } from '../../test/stack.js';
import { sessions } from '../db/schema/index.js';
import { tokenHash } from './sessions.js';

const MINUTE = 60_000;

describe.each(DATABASE_KINDS)('sessions on %s', (kind) => {
  let stack: Stack;
  const { email, password } = STACK_ACCOUNTS.support;
  const me = (cookie: string) => stack.raw.request('/api/auth/me', { headers: { Cookie: cookie } });

  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', database: kind, auth: { sessionIdleMs: 30 * MINUTE, sessionAbsoluteMs: 2 * 60 * MINUTE } });
  });
  afterAll(() => stack.close());

  it('issues a new session id at every sign-in and revokes the one the browser brought (no fixation)', async () => {
    const first = await stack.signIn(email, password);
    const login = await stack.raw.request('/api/auth/login', { method: 'POST', body: { email, password }, headers: { Cookie: first.cookie } });
    expect(login.status).toBe(200);
    const second = login.headers.getSetCookie().find((cookie) => cookie.startsWith('console_session='))!.split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    expect((await me(first.cookie)).status).toBe(401);
    expect((await me(second)).status).toBe(200);

    // A cookie value planted by someone else is never adopted as a session.
    const planted = 'console_session=attacker-chosen-value';
    const afterPlant = await stack.raw.request('/api/auth/login', { method: 'POST', body: { email, password }, headers: { Cookie: planted } });
    expect(afterPlant.headers.getSetCookie().join(';')).not.toContain('attacker-chosen-value');
    expect((await me(planted)).status).toBe(401);
  });

  it('tells a signed-out visitor so with 200 on /api/auth/session (no 401 in the browser), and a signed-in one their session', async () => {
    const signedOut = await stack.raw.request('/api/auth/session');
    expect(signedOut.status).toBe(200);
    expect(await signedOut.json()).toEqual({ signedIn: false });
    const { cookie } = await stack.signIn(email, password);
    const signedIn = await stack.raw.request('/api/auth/session', { headers: { Cookie: cookie } });
    expect(signedIn.headers.get('Cache-Control')).toBe('no-store');
    expect(await signedIn.json()).toMatchObject({ signedIn: true, user: { email }, csrfToken: expect.any(String) });
  });

  it('ends an idle session after the idle timeout, but not while it is being used', async () => {
    const { cookie } = await stack.signIn(email, password);
    stack.emu.clock.advance(29 * MINUTE);
    expect((await me(cookie)).status).toBe(200);
    stack.emu.clock.advance(29 * MINUTE);
    expect((await me(cookie)).status).toBe(200);
    stack.emu.clock.advance(31 * MINUTE);
    const expired = await me(cookie);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as any).error.code).toBe('unauthenticated');
  });

  it('ends a session at the absolute timeout however active it is', async () => {
    const { cookie } = await stack.signIn(email, password);
    for (let elapsed = 0; elapsed < 100; elapsed += 20) {
      expect((await me(cookie)).status).toBe(200);
      stack.emu.clock.advance(20 * MINUTE);
    }
    expect((await me(cookie)).status).toBe(200); // 100 min
    stack.emu.clock.advance(20 * MINUTE); // 120 min: the absolute limit
    expect((await me(cookie)).status).toBe(401);
  });

  it('revokes the session on logout, server-side, and clears the cookie', async () => {
    const client = await stack.signIn(email, password);
    const logout = await client.request('/api/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join(';')).toMatch(/console_session=;.*Max-Age=0/);
    expect((await me(client.cookie)).status).toBe(401);
    const rows = await auditRows(stack.db);
    expect(rows.at(-1)).toMatchObject({ action: 'auth.logout', outcome: 'ok', actorEmail: email });
  });

  it('revokes every session of an account when an admin disables it', async () => {
    const laptop = await stack.signIn(email, password);
    const phone = await stack.signIn(email, password);
    const id = laptop.session.user.id;
    // Earlier tests moved the clock past the stack's own admin session.
    const admin = await stack.signIn(STACK_ACCOUNTS.admin.email, STACK_ACCOUNTS.admin.password);
    expect((await admin.json(`/api/staff/${id}`, { method: 'PUT', body: { disabled: true } })).status).toBe(200);
    expect((await me(laptop.cookie)).status).toBe(401);
    expect((await me(phone.cookie)).status).toBe(401);
    const refused = await stack.raw.json('/api/auth/login', { method: 'POST', body: { email, password } });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'account_disabled' } } });

    expect((await admin.json(`/api/staff/${id}`, { method: 'PUT', body: { disabled: false } })).status).toBe(200);
    expect((await me(laptop.cookie)).status).toBe(401);
    expect((await me((await stack.signIn(email, password)).cookie)).status).toBe(200);
  });

  it('sets the cookie httpOnly, SameSite=Lax, and Secure except on plain-http localhost', async () => {
    const body = JSON.stringify({ email, password });
    const login = (url: string) => stack.app.request(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Cookie: '' } });
    const remote = (await login('http://console.test/api/auth/login')).headers.get('Set-Cookie')!;
    expect(remote).toMatch(/HttpOnly/);
    expect(remote).toMatch(/SameSite=Lax/);
    expect(remote).toMatch(/Path=\//);
    expect(remote).toMatch(/Secure/);
    expect((await login('http://localhost/api/auth/login')).headers.get('Set-Cookie')).not.toMatch(/Secure/);
  });
});

describe.each(DATABASE_KINDS)('the session cache on %s', (kind) => {
  const CACHE_MS = 1500;
  let stack: Stack;
  const { email, password } = STACK_ACCOUNTS.finance;
  const me = (cookie: string) => stack.raw.request('/api/auth/me', { headers: { Cookie: cookie } });

  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', database: kind, auth: { sessionCacheMs: CACHE_MS, sessionIdleMs: 30 * MINUTE } });
  });
  afterAll(() => stack.close());

  it('sees a revocation made by another replica within SESSION_CACHE_MS of its last read', async () => {
    const { cookie } = await stack.signIn(email, password);
    const readAt = Date.now();
    expect((await me(cookie)).status).toBe(200);
    // What another replica's sign-out does: the row only, not this replica's cache.
    await stack.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, tokenHash(cookie.split('=')[1]!)));
    expect((await me(cookie)).status).toBe(200);
    while ((await me(cookie)).status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Date.now() - readAt).toBeLessThan(CACHE_MS + 500);
  });

  it('applies sign-out, role change, password reset and the idle limit on this replica at once, though the session is cached', async () => {
    const admin = await stack.signIn(STACK_ACCOUNTS.admin.email, STACK_ACCOUNTS.admin.password);
    const signedOut = await stack.signIn(email, password);
    expect((await me(signedOut.cookie)).status).toBe(200);
    expect((await signedOut.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await me(signedOut.cookie)).status).toBe(401);

    const user = await stack.signIn(email, password);
    const id = user.session.user.id;
    const role = async () => (await stack.raw.json('/api/auth/me', { headers: { Cookie: user.cookie } })).body.user.role;
    expect(await role()).toBe('finance');
    expect((await admin.json(`/api/staff/${id}`, { method: 'PUT', body: { role: 'support' } })).status).toBe(200);
    expect(await role()).toBe('support');
    expect((await admin.json(`/api/staff/${id}`, { method: 'PUT', body: { role: 'finance' } })).status).toBe(200);

    expect((await me(user.cookie)).status).toBe(200);
    expect((await admin.json(`/api/staff/${id}/reset-password`, { method: 'POST', body: { password } })).status).toBe(200);
    expect((await me(user.cookie)).status).toBe(401);

    const idle = await stack.signIn(email, password);
    expect((await me(idle.cookie)).status).toBe(200);
    stack.emu.clock.advance(31 * MINUTE);
    expect((await me(idle.cookie)).status).toBe(401);
  });
});

describe('cross-site request forgery', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', as: 'admin' });
  });
  afterAll(() => stack.close());

  const newStaff = () => ({ email: `csrf-${crypto.randomUUID()}@x.test`, name: 'CSRF test', role: 'support' });

  it('refuses a state-changing request without the session’s CSRF token, or with a wrong one, and audits it', async () => {
    const before = await lastAuditId(stack.db);
    const admin = await stack.as('admin');
    const headers = { Cookie: admin.cookie! };
    const missing = await stack.raw.json('/api/staff', { method: 'POST', body: newStaff(), headers });
    expect(missing).toMatchObject({ status: 403, body: { error: { code: 'csrf_token' } } });
    const wrong = await stack.raw.json('/api/staff', { method: 'POST', body: newStaff(), headers: { ...headers, [CSRF_HEADER]: 'not-the-token' } });
    expect(wrong).toMatchObject({ status: 403, body: { error: { code: 'csrf_token' } } });
    const other = await stack.as('finance');
    const borrowed = await stack.raw.json('/api/staff', { method: 'POST', body: newStaff(), headers: { ...headers, [CSRF_HEADER]: other.session!.csrfToken } });
    expect(borrowed.status).toBe(403);
    expect((await stack.json('/api/staff', { method: 'POST', body: newStaff() })).status).toBe(201);

    const refusals = (await auditRows(stack.db, before)).filter((row) => row.action === 'access.refused');
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toMatchObject({ outcome: 'refused', actorEmail: STACK_ACCOUNTS.admin.email, reason: `missing or wrong ${CSRF_HEADER}` });
  });

  it('refuses requests another site sent (Origin, or Fetch Metadata without Origin), even with the right token', async () => {
    const foreign = await stack.json('/api/staff', { method: 'POST', body: newStaff(), headers: { Origin: 'https://evil.example' } });
    expect(foreign).toMatchObject({ status: 403, body: { error: { code: 'csrf_origin' } } });
    expect((await stack.json('/api/staff', { method: 'POST', body: newStaff(), headers: { Origin: 'null' } })).status).toBe(403);
    expect((await stack.json('/api/staff', { method: 'POST', body: newStaff(), headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await stack.json('/api/staff', { method: 'POST', body: newStaff(), headers: { Origin: 'http://console.test' } })).status).toBe(201);
    const crossSiteLogin = await stack.raw.json('/api/auth/login', {
      method: 'POST',
      body: STACK_ACCOUNTS.finance,
      headers: { Origin: 'https://evil.example' },
    });
    expect(crossSiteLogin).toMatchObject({ status: 403, body: { error: { code: 'csrf_origin' } } });
  });

  it('needs no token to read', async () => {
    const admin = await stack.as('admin');
    expect((await stack.raw.request('/api/staff', { headers: { Cookie: admin.cookie! } })).status).toBe(200);
  });
});
