import type { Role } from '@console/contracts';

/** OpenID Connect single sign-on, from the OIDC_* variables. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  /** The claim (ID token or userinfo) that lists the user's groups. */
  groupsClaim: string;
  /** Group → role, most privileged first: the first listed group the user is in decides. */
  roleMap: ReadonlyArray<readonly [group: string, role: Role]>;
  /** Text of the sign-in page's SSO button. */
  label: string;
}

/** How staff sign in and how long sessions last. */
export interface AuthSettings {
  /** The console's external URL: the allowed Origin, the SSO redirect base, and whether cookies are Secure. */
  publicUrl?: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** How long a replica trusts a session it read (0 = read it on every request); see session-cache.ts. */
  sessionCacheMs: number;
  /** Failed sign-ins per account from one client address, and per client address, before a temporary lock-out (see throttle.ts). */
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  /** Failures count within this window; a lock-out lasts as long. */
  lockoutMs: number;
  /** The longest an account's sign-ins are delayed after failures from several addresses. */
  accountDelayMaxMs: number;
  /** Reverse proxies in front of the console: the client IP is this many entries from the right of X-Forwarded-For. */
  trustProxyHops: number;
  /** scrypt cost of new password hashes, as log2(N). */
  passwordHashCost: number;
  oidc?: OidcSettings;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 3_600_000,
  sessionCacheMs: 2000,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 50,
  lockoutMs: 15 * 60_000,
  accountDelayMaxMs: 60_000,
  trustProxyHops: 0,
  passwordHashCost: 15,
};
