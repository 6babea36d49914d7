import { createCodatClient, type CodatClientOptions } from '@console/codat-client';
import { seedScenario, startEmulator, WELL_KNOWN_API_KEY, type EmulatorConfig } from '@console/codat-emulator';
import { CSRF_HEADER, ROLES, type Role, type SessionInfo } from '@console/contracts';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { hashPassword } from '../src/auth/passwords.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../src/auth/settings.js';
import { insertStaff } from '../src/auth/staff-store.js';
import { codatObserver } from '../src/codat.js';
import type { BffDeps, BffSettings } from '../src/deps.js';
import { createLogger } from '../src/observability/logger.js';
import { Metrics } from '../src/observability/metrics.js';
import { MERCHANT_ID_TAG } from '../src/settings.js';
import { openTestDatabase, type DatabaseKind } from './databases.js';
import { sessionCookieOf, withSession } from './session-client.js';

export { sessionCookieOf };

/** One signed-up account per role in every stack. */
export const STACK_ACCOUNTS: Record<Role, { email: string; password: string }> = {
  customer_success: { email: 'cs@console.test', password: 'cs-password-0001' },
  support: { email: 'support@console.test', password: 'support-password-0001' },
  finance: { email: 'finance@console.test', password: 'finance-password-0001' },
  admin: { email: 'admin@console.test', password: 'admin-password-0001' },
};

export interface StackOptions {
  /** Emulator seed; `demo` (with the well-known DEMO_FIXTURES) unless told otherwise. */
  scenario?: 'demo' | 'fleet' | 'empty';
  companies?: number;
  emulator?: Partial<EmulatorConfig>;
  client?: Partial<CodatClientOptions>;
  settings?: Partial<Omit<BffSettings, 'auth'>>;
  auth?: Partial<AuthSettings>;
  /** Who `stack.request`/`stack.json` act as: signed in as admin unless told otherwise. */
  as?: Role | 'anonymous';
  /** PGlite in memory unless told otherwise. */
  database?: DatabaseKind;
}

export interface RequestInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The real BFF app against a real emulator over HTTP (no mocked Codat) and a real database.
 * Requests go through `app.request()` carrying the session cookie and CSRF header of the
 * stack's account; `as(role)` gives requests of another role (or 'anonymous').
 */
export async function startStack(options: StackOptions = {}) {
  const emulator = await startEmulator({
    config: { syncStepMs: 20, ...options.emulator },
    setup: (emu) => seedScenario(emu, { scenario: options.scenario ?? 'demo', companies: options.companies ?? 40, seed: 1 }),
  });
  const database = await openTestDatabase(options.database ?? 'pglite');
  const metrics = new Metrics();
  const logLines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
  const codat = createCodatClient({
    baseUrl: emulator.url,
    apiKey: WELL_KNOWN_API_KEY,
    timeoutMs: 2000,
    retry: { initialDelayMs: 10, maxDelayMs: 100, maxTotalMs: 3000 },
    observer: codatObserver(metrics),
    ...options.client,
  });
  // Cheap hashes keep stacks fast. Sessions follow the emulator's clock, so tests that move it by
  // hours keep their sessions unless they ask for the production timeouts (DEFAULT_AUTH_SETTINGS).
  const auth: AuthSettings = {
    ...DEFAULT_AUTH_SETTINGS,
    passwordHashCost: 8,
    sessionIdleMs: 30 * 24 * 3_600_000,
    sessionAbsoluteMs: 90 * 24 * 3_600_000,
    ...options.auth,
  };
  const now = () => emulator.emu.clock.now();
  for (const role of ROLES) {
    const { email, password } = STACK_ACCOUNTS[role];
    const passwordHash = await hashPassword(password, auth.passwordHashCost);
    await insertStaff(database.db, { email, name: `Test ${role}`, role, passwordHash }, new Date(now()));
  }
  const deps: BffDeps = {
    codat,
    logger,
    metrics,
    settings: { merchantIdTag: MERCHANT_ID_TAG, maxBodyBytes: 64 * 1024, inviteUrl: 'https://link.codat.io/client/test-client', ...options.settings, auth },
    db: database.db,
    now,
    readinessChecks: { codat: async () => void (await codat.integrations.list({ pageSize: 1 })), database: () => database.ping() },
  };
  const app: Hono = createApp(deps);

  const client = (session?: { cookie: string; csrfToken: string }) => {
    const request = (path: string, init: RequestInit = {}) =>
      app.request(`http://console.test${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(session ? { Cookie: session.cookie, [CSRF_HEADER]: session.csrfToken } : {}),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      });
    const json = async <T = any>(path: string, init?: RequestInit) => {
      const response = await request(path, init);
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
    };
    return { request, json };
  };

  /** Signs in with a password through the real /api/auth/login. */
  const signIn = async (email: string, password: string) => {
    const response = await client().request('/api/auth/login', { method: 'POST', body: { email, password } });
    if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    const cookie = sessionCookieOf(response);
    const session = (await response.json()) as SessionInfo;
    return { ...client({ cookie, csrfToken: session.csrfToken }), session, cookie };
  };
  type Client = ReturnType<typeof client> & { session?: SessionInfo; cookie?: string };
  const clients = new Map<Role | 'anonymous', Promise<Client>>();
  const as = (who: Role | 'anonymous'): Promise<Client> => {
    if (!clients.has(who)) clients.set(who, who === 'anonymous' ? Promise.resolve(client()) : signIn(STACK_ACCOUNTS[who].email, STACK_ACCOUNTS[who].password));
    return clients.get(who)!;
  };
  const main = await as(options.as ?? 'admin');

  return {
    /** The app; its `request()` carries the stack account's session unless given a Cookie header. */
    app: withSession(app, main),
    emu: emulator.emu,
    emulatorUrl: emulator.url,
    metrics,
    logLines,
    deps,
    db: database.db,
    database,
    /** Requests as the stack's account (admin unless `as` said otherwise). */
    request: main.request,
    json: main.json,
    session: main.session,
    /** Requests as another role, signed in once per stack; 'anonymous' sends no cookie. */
    as,
    signIn,
    /** Requests carrying no session and no CSRF token. */
    raw: client(),
    close: async () => {
      await codat.close();
      await emulator.close();
      await database.dispose();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
