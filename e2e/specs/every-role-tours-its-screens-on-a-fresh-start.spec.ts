import type { Permission } from '@console/contracts';
import { ROLE_PERMISSIONS } from '@console/contracts';
import { request, type Page, type TestInfo } from '@playwright/test';
import { AppShell } from '../pages/AppShell.js';
import { CompanyPage } from '../pages/CompanyPage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { expectNoA11yViolations } from '../support/axe.js';
import { watchBrowser } from '../support/browser-health.js';
import { DEMO_FIXTURES } from '../support/control.js';
import { expect, test } from '../support/fixtures.js';
import { apiSettled, trackApi } from '../support/settle.js';
import { CONSOLE_PORT } from '../support/stack.js';
import { DEMO_STAFF, ROLE_LABELS, type Role } from '../support/staff.js';

const CONSOLE_ORIGIN = `http://127.0.0.1:${CONSOLE_PORT}`;
const company = DEMO_FIXTURES.pendingBankFeed;

interface Screen {
  name: string;
  path: string;
  /** What a role needs to use it (DESIGN.md §5); undefined: every signed-in role. */
  needs?: Permission;
  /** Its entry in the menu, when it has one. */
  menu?: string;
}

const SCREENS: Screen[] = [
  { name: 'Dashboard', path: '/#/', menu: 'Dashboard' },
  { name: 'Companies', path: '/#/companies', needs: 'companies.read', menu: 'Companies' },
  { name: 'Company page', path: `/#/companies/${company.companyId}/show`, needs: 'companies.read' },
  ...(['connections', 'data', 'bank-feeds', 'history'] as const).map((tab) => ({
    name: `Company page - ${tab}`,
    path: `/#/companies/${company.companyId}/show/${tab}`,
    needs: 'companies.read' as const,
  })),
  { name: 'Create company', path: '/#/companies/create', needs: 'companies.create' },
  { name: 'Edit company', path: `/#/companies/${company.companyId}`, needs: 'companies.create' },
  { name: 'Connection errors', path: '/#/connection-error-groups', needs: 'diagnostics.read', menu: 'Connection errors' },
  { name: 'Incidents', path: '/#/incidents', needs: 'diagnostics.read', menu: 'Incidents' },
  { name: 'Reports', path: '/#/reports', needs: 'reports.read', menu: 'Reports' },
  { name: 'Possible duplicates', path: '/#/reports/possible-duplicates', needs: 'reports.read' },
  { name: 'Audit log', path: '/#/audit-events', needs: 'audit.read', menu: 'Audit log' },
  { name: 'Staff', path: '/#/staff', needs: 'staff.manage', menu: 'Staff' },
  { name: 'Mirror syncs', path: '/#/mirror-syncs', needs: 'staff.manage', menu: 'Mirror syncs' },
];

const WIDTHS = [1280, 1920] as const;

/** Full-page screenshots of the screen at each width, kept in test-results as the story's artefacts. */
async function screenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const path = testInfo.outputPath(`${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name} at ${width} px`, { path, contentType: 'image/png' });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
}

/** Counts the /api requests the page makes from now on. */
function countApiRequests(page: Page) {
  const seen: string[] = [];
  const listener = (req: { url: () => string }) => {
    if (new URL(req.url()).pathname.startsWith('/api/')) seen.push(req.url());
  };
  page.on('request', listener);
  return { seen, stop: () => page.off('request', listener) };
}

for (const role of Object.keys(ROLE_LABELS) as Role[]) {
  test(`${ROLE_LABELS[role]} signs in on a fresh start and tours every screen: no console error, no other origin, no axe violation`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const browser = watchBrowser(page, CONSOLE_ORIGIN);
    trackApi(page);
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });

    const signIn = new SignInPage(page);
    await signIn.goto();
    await apiSettled(page);
    await screenshots(page, testInfo, 'Sign-in');
    await expectNoA11yViolations(page, testInfo, 'Sign-in');
    browser.expectClean('the sign-in page, signed out');

    await signIn.signIn(DEMO_STAFF[role].email, DEMO_STAFF[role].password);
    const shell = new AppShell(page);
    await shell.expectDashboard();
    await expect(shell.roleChip(ROLE_LABELS[role])).toBeVisible();

    const allowed = (screen: Screen) => screen.needs === undefined || ROLE_PERMISSIONS[role].includes(screen.needs);
    for (const screen of SCREENS.filter(allowed)) {
      await test.step(`opens ${screen.name}`, async () => {
        await apiSettled(page);
        if (screen.menu) await shell.menuItem(screen.menu).click();
        else await page.goto(screen.path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeAttached();
        await apiSettled(page);
        await expect(page.getByRole('heading', { name: 'Access denied' })).toHaveCount(0);
        await screenshots(page, testInfo, screen.name);
        await expectNoA11yViolations(page, testInfo, screen.name);
        browser.expectClean(screen.name);
      });
    }

    for (const screen of SCREENS.filter((candidate) => !allowed(candidate))) {
      await test.step(`is refused ${screen.name} before any request`, async () => {
        if (screen.menu) await expect(shell.menuItem(screen.menu)).toHaveCount(0);
        await apiSettled(page);
        const requests = countApiRequests(page);
        await page.goto(screen.path);
        await expect(page.getByRole('heading', { level: 1, name: 'Access denied' })).toBeVisible();
        await apiSettled(page);
        requests.stop();
        expect.soft(requests.seen, `${screen.name} asked the API before refusing`).toEqual([]);
        await screenshots(page, testInfo, `${screen.name} (denied)`);
        await expectNoA11yViolations(page, testInfo, `${screen.name} (denied)`);
        browser.expectClean(`${screen.name} (denied)`);
      });
    }

    if (ROLE_PERMISSIONS[role].includes('links.reveal')) {
      await test.step('copies a working invite URL on the embedded defaults (no CODAT_INVITE_URL set)', async () => {
        const companyPage = new CompanyPage(page);
        await companyPage.goto(company.companyId);
        // The page's reads may still be landing (cached ones are read again): each can move the panel.
        await apiSettled(page);
        const url = await companyPage.share.copyInviteUrl();
        // The customer opens it, not the console: outside this page, so the page stays on its own origin.
        const customer = await request.newContext();
        const invitePage = await customer.get(url);
        expect(invitePage.status()).toBe(200);
        expect(await invitePage.text()).toContain('Tell us about your business');
        await customer.dispose();
        browser.expectClean('the invite URL copy');
      });
    }
  });
}
