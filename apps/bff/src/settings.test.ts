import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadEnv } from './env.js';
import { settingsFromEnv } from './settings.js';

const OIDC = {
  OIDC_ISSUER: 'https://sso.example.com',
  OIDC_CLIENT_ID: 'console',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_ROLE_MAP: 'ops-admins=admin, ops-support=support,finance-team=finance',
  PUBLIC_URL: 'https://console.example.com',
};

describe('auth settings from the environment', () => {
  afterEach(() => vi.restoreAllMocks());

  it('defaults: PGlite in ./data, 30 min idle and 12 h absolute sessions, 5 failures then 15 min lock-out, no SSO', () => {
    const env = loadEnv({});
    expect(env.CONSOLE_DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(settingsFromEnv(env).auth).toMatchObject({
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      maxFailuresPerAccount: 5,
      maxFailuresPerIp: 50,
      lockoutMs: 15 * 60_000,
      accountDelayMaxMs: 60_000,
      trustProxyHops: 0,
      passwordHashCost: 15,
      oidc: undefined,
    });
  });

  it('reads OpenID Connect with the role map in order', () => {
    const { auth } = settingsFromEnv(loadEnv(OIDC));
    expect(auth.publicUrl).toBe('https://console.example.com');
    expect(auth.oidc).toEqual({
      issuer: 'https://sso.example.com',
      clientId: 'console',
      clientSecret: 'secret',
      scopes: 'openid email profile',
      groupsClaim: 'groups',
      roleMap: [
        ['ops-admins', 'admin'],
        ['ops-support', 'support'],
        ['finance-team', 'finance'],
      ],
      label: 'Sign in with SSO',
    });
  });

  it.each([
    [{ ...OIDC, OIDC_ROLE_MAP: 'ops=owner' }, 'OIDC_ROLE_MAP'],
    [{ ...OIDC, OIDC_ROLE_MAP: '' }, 'OIDC_ROLE_MAP'],
    [{ ...OIDC, PUBLIC_URL: '' }, 'PUBLIC_URL'],
    [{ ...OIDC, OIDC_CLIENT_ID: '' }, 'OIDC_CLIENT_ID'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
  ])('exits naming the bad variable (%o)', (source, name) => {
    vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => loadEnv(source)).toThrow('exit');
    expect(error.mock.calls[0]?.[0]).toContain(name);
  });
});
