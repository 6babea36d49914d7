import { ROLE_PERMISSIONS } from '@console/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../../test/audit-entries.js';
import { DATABASE_KINDS } from '../../test/databases.js';
import { STACK_ACCOUNTS, startStack, type Stack } from '../../test/stack.js';

const MINUTE = 60_000;

describe.each(DATABASE_KINDS)('password sign-in on %s', (kind) => {
  let stack: Stack;
  const login = (email: string, password: string, ip?: string) =>
    stack.raw.json('/api/auth/login', {
      method: 'POST',
      body: { email, password },
      headers: { 'User-Agent': 'vitest', ...(ip ? { 'X-Forwarded-For': `198.51.100.1, ${ip}` } : {}) },
    });

  beforeAll(async () => {
    stack = await startStack({
      scenario: 'empty',
      database: kind,
      auth: { maxFailuresPerAccount: 3, maxFailuresPerIp: 5, lockoutMs: 15 * MINUTE, accountDelayMaxMs: 4000, trustProxyHops: 1 },
    });
  });
  afterAll(() => stack.close());

  it('answers the session (user, role permissions, CSRF token) and audits the sign-in with IP and user agent', async () => {
    const before = await lastAuditId(stack.db);
    const { email, password } = STACK_ACCOUNTS.finance;
    const response = await login(email.toUpperCase(), password, '203.0.113.9');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { id: expect.any(String), email, name: 'Test finance', role: 'finance' },
      permissions: [...ROLE_PERMISSIONS.finance],
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
    });
    expect(await auditRows(stack.db, before)).toMatchObject([
      { action: 'auth.login', outcome: 'ok', actorEmail: email, actorRole: 'finance', ip: '203.0.113.9', userAgent: 'vitest' },
    ]);
  });

  it('refuses a wrong password and an unknown email alike, and audits both with the email tried', async () => {
    const before = await lastAuditId(stack.db);
    const wrong = await login(STACK_ACCOUNTS.customer_success.email, 'not-the-password');
    const unknown = await login('nobody@console.test', 'whatever-password');
    for (const response of [wrong, unknown]) expect(response).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    expect(await auditRows(stack.db, before)).toMatchObject([
      { action: 'auth.login', outcome: 'refused', actorEmail: STACK_ACCOUNTS.customer_success.email, actorId: null, reason: 'wrong email or password' },
      { action: 'auth.login', outcome: 'refused', actorEmail: 'nobody@console.test', reason: 'wrong email or password' },
    ]);
  });

  it('locks an account out from one address after repeated failures (429, Retry-After, even with the right password) and releases it after the window', async () => {
    const { email, password } = STACK_ACCOUNTS.support;
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login(email, 'wrong-password')).status).toBe(401);
    const locked = await login(email, password);
    expect(locked).toMatchObject({ status: 429, body: { error: { code: 'too_many_attempts' } } });
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(14 * 60);
    expect((await auditRows(stack.db)).at(-1)).toMatchObject({ action: 'auth.login', outcome: 'refused', reason: 'locked out after repeated failures from this address' });

    stack.emu.clock.advance(15 * MINUTE);
    expect((await login(email, password)).status).toBe(200);
    // Success forgives: three more failures are needed to lock again.
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await login(email, 'wrong-password')).status).toBe(401);
    expect((await login(email, password)).status).toBe(200);
  });

  it('locks out a client IP that fails across many accounts, without locking other clients out', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login(`guess${attempt}@console.test`, 'x', '192.0.2.66')).status).toBe(401);
    const { email, password } = STACK_ACCOUNTS.admin;
    expect((await login(email, password, '192.0.2.66')).status).toBe(429);
    expect((await login(email, password, '192.0.2.67')).status).toBe(200);
  });

  const newAccount = async (email: string) => {
    const password = `${email.split('@')[0]}-password-0001`;
    expect((await stack.json('/api/staff', { method: 'POST', body: { email, name: email, role: 'support', password } })).status).toBe(201);
    return password;
  };

  it('locks the pair (account, address), not the account: after 12 failures from one address the right password works from another', async () => {
    const email = 'pair@console.test';
    const password = await newAccount(email);
    const answers: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) answers.push((await login(email, 'wrong-password', '203.0.113.10')).status);
    expect(answers).toEqual([401, 401, 401, ...Array(9).fill(429)]);
    expect((await login(email, password, '203.0.113.10')).status).toBe(429);
    expect((await login(email, password, '203.0.113.11')).status).toBe(200);
  });

  it('slows an account down progressively when several addresses fail, bounded, and never for an address it signed in from', async () => {
    const email = 'spread@console.test';
    const password = await newAccount(email);
    expect((await login(email, password, '203.0.113.30')).status).toBe(200);
    // Three failures are as many as one address may make; the fourth, from elsewhere, starts the delay.
    for (const ip of ['203.0.113.21', '203.0.113.21', '203.0.113.21', '203.0.113.22']) expect((await login(email, 'wrong-password', ip)).status).toBe(401);
    const delayed = await login(email, password, '203.0.113.23');
    expect(delayed).toMatchObject({ status: 429, body: { error: { code: 'too_many_attempts' } } });
    expect(delayed.headers.get('Retry-After')).toBe('1');
    expect((await login(email, password, '203.0.113.30')).status).toBe(200);

    // Each further failure doubles the delay, up to accountDelayMaxMs (4 s here).
    const retryAfter: number[] = [];
    for (const ip of ['203.0.113.24', '203.0.113.25', '203.0.113.26', '203.0.113.27']) {
      stack.emu.clock.advance(1000 * Number((await login(email, password, '203.0.113.28')).headers.get('Retry-After')));
      expect((await login(email, 'wrong-password', ip)).status).toBe(401);
      retryAfter.push(Number((await login(email, password, '203.0.113.28')).headers.get('Retry-After')));
    }
    expect(retryAfter).toEqual([2, 4, 4, 4]);
    stack.emu.clock.advance(4000);
    expect((await login(email, password, '203.0.113.28')).status).toBe(200);
    expect(stack.logLines.some((line) => line.includes('"scope":"account"') && line.includes('sign-in throttled'))).toBe(true);
    expect(stack.metrics.signInsThrottled.render()).toMatch(/console_sign_ins_throttled_total\{scope="account"\} [1-9]/);
  });

  it('shows an admin the locked account, who unlocks it (audited); other roles may not', async () => {
    const email = 'locked@console.test';
    const password = await newAccount(email);
    const failedAt = stack.emu.clock.now();
    for (let attempt = 0; attempt < 3; attempt += 1) await login(email, 'wrong-password', '203.0.113.40');
    const list = await stack.json(`/api/staff?filter=${encodeURIComponent(JSON.stringify({ q: 'locked@' }))}`);
    const [record] = list.body;
    expect(Date.parse(record.signInLockedUntil)).toBeGreaterThan(failedAt + 15 * MINUTE);
    expect(Date.parse(record.signInLockedUntil)).toBeLessThanOrEqual(stack.emu.clock.now() + 15 * MINUTE);
    expect((await stack.json(`/api/staff/${record.id}`)).body.signInLockedUntil).toBe(record.signInLockedUntil);

    const support = await stack.as('support');
    expect((await support.json(`/api/staff/${record.id}/unlock`, { method: 'POST' })).status).toBe(403);
    const before = await lastAuditId(stack.db);
    const unlocked = await stack.json(`/api/staff/${record.id}/unlock`, { method: 'POST' });
    expect(unlocked).toMatchObject({ status: 200, body: { email, signInLockedUntil: null } });
    expect(await auditRows(stack.db, before)).toMatchObject([{ action: 'staff.unlock', outcome: 'ok', details: { staffId: record.id, email, cleared: 2 } }]);
    expect((await login(email, password, '203.0.113.40')).status).toBe(200);
  });
});

describe('turning password sign-in off', () => {
  let stack: Stack;
  const oidc = { issuer: 'https://sso.example', clientId: 'console', scopes: 'openid', groupsClaim: 'groups', roleMap: [], label: 'Okta' };
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', auth: { oidc, publicUrl: 'https://console.example' } });
  });
  afterAll(() => stack.close());

  it('is an admin setting, stored in the database, that stops password sign-in once SSO is configured', async () => {
    expect((await stack.raw.json('/api/auth/config')).body).toEqual({ password: true, sso: true, ssoLabel: 'Okta' });
    const off = await stack.json('/api/auth/settings', { method: 'PUT', body: { passwordSignIn: false } });
    expect(off).toMatchObject({ status: 200, body: { passwordSignIn: false, sso: true } });
    expect((await stack.raw.json('/api/auth/config')).body).toMatchObject({ password: false, sso: true });
    const refused = await stack.raw.json('/api/auth/login', { method: 'POST', body: STACK_ACCOUNTS.finance });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'password_sign_in_disabled' } } });
    expect((await stack.json('/api/auth/settings', { method: 'PUT', body: { passwordSignIn: true } })).status).toBe(200);
    expect((await stack.raw.json('/api/auth/login', { method: 'POST', body: STACK_ACCOUNTS.finance })).status).toBe(200);
    const changes = (await auditRows(stack.db)).filter((row) => row.action === 'auth.settings.update');
    expect(changes.map((row) => row.details)).toEqual([{ passwordSignIn: false }, { passwordSignIn: true }]);
  });

  it('may be changed by admins only', async () => {
    const support = await stack.as('support');
    expect((await support.json('/api/auth/settings', { method: 'PUT', body: { passwordSignIn: false } })).status).toBe(403);
  });
});

describe('password sign-in without SSO', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty' });
  });
  afterAll(() => stack.close());

  it('cannot be turned off: nobody could sign in', async () => {
    expect((await stack.json('/api/auth/settings', { method: 'PUT', body: { passwordSignIn: false } })).status).toBe(409);
    expect((await stack.raw.json('/api/auth/config')).body).toEqual({ password: true, sso: false });
  });
});
