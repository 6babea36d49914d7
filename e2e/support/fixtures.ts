import { test as base, expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { CSRF_HEADER, type AuditEventRecord, type SessionInfo } from '@console/contracts';
import { AppShell } from '../pages/AppShell.js';
import { SignInPage } from '../pages/SignInPage.js';
import { seedDemo } from './control.js';
import { CONSOLE_PORT } from './stack.js';
import { DEMO_STAFF, ROLE_LABELS, type Role } from './staff.js';

export { expect };

const CONSOLE_URL = `http://127.0.0.1:${CONSOLE_PORT}`;

/** Signs `page` in through the sign-in screen as the demo account of `role`, and waits for the dashboard. */
export async function signInAs(page: Page, role: Role): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(DEMO_STAFF[role].email, DEMO_STAFF[role].password);
  const shell = new AppShell(page);
  await shell.expectDashboard();
  await expect(shell.roleChip(ROLE_LABELS[role])).toBeVisible();
}

/** The console's own API (/api) with a staff member's session, outside the browser: for checks, never for set-up. */
export interface ConsoleApi {
  get<T>(path: string, query?: Record<string, unknown>): Promise<T>;
  /** A state-changing call with the session's CSRF token, as the SPA makes it; answers the status and body. */
  post(path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  auditEvents(filter: Record<string, unknown>): Promise<AuditEventRecord[]>;
  dispose(): Promise<void>;
}

export async function consoleApiAs(role: Role): Promise<ConsoleApi> {
  const context: APIRequestContext = await playwrightRequest.newContext({ baseURL: CONSOLE_URL });
  const login = await context.post('/api/auth/login', { data: { email: DEMO_STAFF[role].email, password: DEMO_STAFF[role].password } });
  expect(login.ok(), `sign-in as ${role}: ${login.status()} ${await login.text()}`).toBe(true);
  const { csrfToken } = (await login.json()) as SessionInfo;
  const get = async <T>(path: string, query?: Record<string, unknown>): Promise<T> => {
    const params = Object.fromEntries(Object.entries(query ?? {}).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
    const response = await context.get(`/api${path}`, { params });
    expect(response.ok(), `GET /api${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  const post = async (path: string, body?: unknown) => {
    const response = await context.post(`/api${path}`, { data: body, headers: { [CSRF_HEADER]: csrfToken } });
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : undefined };
  };
  return {
    get,
    post,
    auditEvents: (filter) => get<AuditEventRecord[]>('/audit-events', { filter, sort: ['at', 'DESC'], range: [0, 99] }),
    dispose: () => context.dispose(),
  };
}

/** An admin runs a mirror sync (as *Mirror syncs* → Sync now does) and waits for it to complete: the mirror then holds the emulator's data. */
export async function syncMirror(): Promise<void> {
  const admin = await consoleApiAs('admin');
  try {
    const started = await admin.post('/mirror-syncs');
    expect([202, 409]).toContain(started.status);
    await expect.poll(async () => (await admin.get<Array<{ status: string }>>('/mirror-syncs', { range: [0, 0], sort: ['id', 'DESC'] }))[0]?.status, { timeout: 60_000 }).toBe('completed');
  } finally {
    await admin.dispose();
  }
}

interface StoryFixtures {
  /** Saves a full-page screenshot of the screen as it is now (the test's page unless told), numbered in order, as a test artifact. */
  shot: (name: string, of?: Page) => Promise<void>;
  /** The demo scenario, freshly seeded in the emulator before the test. */
  demo: void;
}

/** Playwright's test with the story fixtures: each test reseeds the demo scenario and numbers its screenshots. */
export const test = base.extend<StoryFixtures>({
  demo: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      await seedDemo();
      await use();
    },
    { auto: true },
  ],
  shot: async ({ page }, use, testInfo) => {
    let count = 0;
    await use(async (name, of = page) => {
      count += 1;
      const path = testInfo.outputPath(`${String(count).padStart(2, '0')}-${name}.png`);
      await of.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  },
});
