import { ROLES, type Role } from '@console/contracts';
import { z } from 'zod';
import { BILLABLE_RULE_KEYS, DEFAULT_BILLABLE_RULE } from './reports/billable-rule.js';
import { WEBHOOK_SECRET_PATTERN } from './webhooks/signature.js';

const port = z.coerce.number().int().min(0).max(65535);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

/** `ops-admins=admin,ops-support=support`: group → role pairs, most privileged first. */
const roleMap = z.string().transform((text, ctx) => {
  const pairs: Array<readonly [string, Role]> = [];
  for (const item of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const at = item.lastIndexOf('=');
    const group = item.slice(0, at).trim();
    const role = item.slice(at + 1).trim();
    if (at <= 0 || !(ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: 'custom', message: `"${item}" is not <group>=<role> with a role among ${ROLES.join(', ')}` });
      return z.NEVER;
    }
    pairs.push([group, role as Role]);
  }
  return pairs;
});

const variables = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** When unset, the BFF starts the embedded emulator and uses it. */
  CODAT_API_KEY: optionalString,
  CODAT_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.codat.io'),
  CODAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** The Portal's "Invite company" URL for this Codat client, shown on the Share panel. */
  CODAT_INVITE_URL: optionalString.pipe(z.url().optional()),
  // The embedded emulator shares the BFF's heap (capped by `npm start`); bigger fleets run on their own.
  EMULATOR_COMPANIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(20_000, 'at most 20000 in the embedded emulator; for more, run `npm run emulator -- --companies N` and point CODAT_BASE_URL at it')
    .default(300),
  EMULATOR_SEED: z.coerce.number().int().default(1),
  EMULATOR_PORT: port.default(4010),
  /** Built SPA to serve at `/`; defaults to apps/admin/dist. */
  SPA_DIR: optionalString,
  /** Largest JSON body accepted on /api, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256 * 1024),

  /** PostgreSQL (`postgres://…`); when unset, embedded PGlite stores data in CONSOLE_DATA_DIR. */
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  CONSOLE_DATA_DIR: z.string().min(1).default('./data'),
  /** Where embedded PGlite executes: a worker thread (the event loop answering requests never waits for it) or the main thread. */
  PGLITE_THREAD: z.enum(['worker', 'main']).default('worker'),
  /** The console's external URL (https in production): allowed Origin, SSO redirect base, Secure cookies. */
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SESSION_IDLE_MINUTES: positiveInt(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: positiveInt(7 * 24).default(12),
  /** How long a replica trusts a session it has read; a logout on another replica takes effect within it. */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  LOGIN_MAX_FAILURES: positiveInt(100).default(5),
  LOGIN_MAX_FAILURES_PER_IP: positiveInt(10_000).default(50),
  LOGIN_LOCKOUT_MINUTES: positiveInt(24 * 60).default(15),
  LOGIN_ACCOUNT_DELAY_MAX_SECONDS: positiveInt(3600).default(60),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The first admin, created at first start; without a password one is generated and printed once. */
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
  /** Password of the demo accounts (embedded emulator only); generated and printed when unset. */
  DEMO_PASSWORD: optionalString.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
  OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_SCOPES: z.string().min(1).default('openid email profile'),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: optionalString.pipe(roleMap.optional()),
  OIDC_LABEL: z.string().min(1).default('Sign in with SSO'),
  /** Minutes between fleet-mirror syncs; 0 turns the schedule off. */
  MIRROR_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(15),
  /** How long the mirror keeps history (changes, resolved errors, runs, snapshots). */
  MIRROR_RETENTION_MONTHS: positiveInt(120).default(13),
  /** Svix secret of the Codat webhook endpoint; POST /api/webhooks/codat is refused without it. */
  CODAT_WEBHOOK_SECRET: optionalString.pipe(z.string().regex(WEBHOOK_SECRET_PATTERN, 'must be a whsec_… secret').optional()),
  /** Which connections finance's reports count as billable candidates. */
  BILLABLE_RULE: z.enum(BILLABLE_RULE_KEYS).default(DEFAULT_BILLABLE_RULE),
});

/** Every variable the BFF reads. `.env.example` lists them; the README explains them. */
export const envSchema = variables.superRefine((env, ctx) => {
  if (!env.OIDC_ISSUER) return;
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_ROLE_MAP', 'PUBLIC_URL'] as const) {
    const value = env[name];
    if (!value || value.length === 0) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when OIDC_ISSUER is set' });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; a bad variable is named and the process exits. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  console.error(`Invalid configuration:\n${lines.join('\n')}`);
  process.exit(1);
}
