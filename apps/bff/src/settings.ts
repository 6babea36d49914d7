import { fileURLToPath } from 'node:url';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth/settings.js';
import type { BffSettings } from './deps.js';
import type { Env } from './env.js';
import { resolverSettings } from './exactly-once/settings.js';
import { jobSettings } from './jobs/runner.js';
import { PACKAGE_ROOT } from './package-root.js';
import { MIRROR_DEFAULTS } from './mirror/settings.js';

/** Tag key holding a customer's merchant id; the emulator's seed uses the same key. */
export const MERCHANT_ID_TAG = 'merchantId';

const DEFAULT_SPA_DIR = fileURLToPath(new URL('../admin/dist', PACKAGE_ROOT));

export function settingsFromEnv(env: Env): BffSettings {
  return {
    inviteUrl: env.CODAT_INVITE_URL,
    merchantIdTag: MERCHANT_ID_TAG,
    maxBodyBytes: env.MAX_BODY_BYTES,
    spaDir: env.SPA_DIR ?? DEFAULT_SPA_DIR,
    auth: authSettingsFromEnv(env),
    actions: resolverSettings(env.CODAT_TIMEOUT_MS),
    jobs: jobSettings(env.CODAT_TIMEOUT_MS),
    mirror: {
      ...MIRROR_DEFAULTS,
      intervalMs: env.MIRROR_SYNC_INTERVAL_MINUTES * 60_000,
      retentionMonths: env.MIRROR_RETENTION_MONTHS,
      webhookSecret: env.CODAT_WEBHOOK_SECRET,
      billableRule: env.BILLABLE_RULE,
    },
  };
}

export function authSettingsFromEnv(env: Env): AuthSettings {
  return {
    ...DEFAULT_AUTH_SETTINGS,
    publicUrl: env.PUBLIC_URL,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    sessionCacheMs: env.SESSION_CACHE_MS,
    maxFailuresPerAccount: env.LOGIN_MAX_FAILURES,
    maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
    lockoutMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
    accountDelayMaxMs: env.LOGIN_ACCOUNT_DELAY_MAX_SECONDS * 1000,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_ROLE_MAP
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            scopes: env.OIDC_SCOPES,
            groupsClaim: env.OIDC_GROUPS_CLAIM,
            roleMap: env.OIDC_ROLE_MAP,
            label: env.OIDC_LABEL,
          }
        : undefined,
  };
}
