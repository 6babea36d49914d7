import { AppShell } from '../pages/AppShell.js';
import { CompaniesPage, CreateCompanyPage } from '../pages/CompaniesPage.js';
import { CompanyPage, type CompanyTab } from '../pages/CompanyPage.js';
import { GlobalSearch } from '../pages/GlobalSearch.js';
import { SignInPage } from '../pages/SignInPage.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { DEMO_FIXTURES } from '../support/control.js';
import { expect, test } from '../support/fixtures.js';
import { apiSettled, trackApi } from '../support/settle.js';
import { DEMO_STAFF } from '../support/staff.js';

/** Linked QuickBooks Online, a pending QBO Bank Feeds connection with a source account: every tab has content. */
const company = DEMO_FIXTURES.pendingBankFeed;
const TABS: CompanyTab[] = ['Overview', 'Connections', 'Data', 'Bank feeds', 'History'];

test.describe('accessibility: every screen an admin reaches', () => {
  test('has no serious or critical axe-core violations', async ({ page, shot }, testInfo) => {
    test.setTimeout(120_000);
    trackApi(page);
    /** Scans the screen once it has finished loading, and keeps a screenshot of what was scanned. */
    const scan = async (screen: string) => {
      await apiSettled(page);
      await shot(`a11y-${screen.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
      await expectNoSeriousA11yViolations(page, testInfo, screen);
    };

    const signIn = new SignInPage(page);
    await signIn.goto();
    await scan('Sign-in');
    await signIn.signIn(DEMO_STAFF.admin.email, DEMO_STAFF.admin.password);

    const shell = new AppShell(page);
    await shell.expectDashboard();
    await scan('Dashboard');

    await new GlobalSearch(page).openWithShortcut();
    await new GlobalSearch(page).search(company.merchantId);
    await expect(new GlobalSearch(page).option(new RegExp(company.name))).toBeVisible();
    await scan('Global search');
    await page.keyboard.press('Escape');

    const companies = new CompaniesPage(page);
    await companies.goto();
    await expect(companies.heading).toBeAttached();
    await scan('Companies list');

    const companyPage = new CompanyPage(page);
    await companyPage.goto(company.companyId);
    await companyPage.expectCompany(company.name);
    for (const tab of TABS) {
      await companyPage.openTab(tab);
      // The scan must see the Data tab's "Complete" tags themselves: their contrast was once too low.
      if (tab === 'Data') await expect(page.getByText('Complete', { exact: true }).first()).toBeVisible();
      await scan(`Company page - ${tab}`);
    }

    // The dialogs opened from the company page.
    await companyPage.openTab('Connections');
    await companyPage.connections.newConnectionButton.click();
    await expect(companyPage.connections.newConnectionDialog().getByRole('radio').first()).toBeVisible();
    await scan('New connection dialog');
    await companyPage.connections.newConnectionDialog().getByRole('button', { name: 'Cancel' }).click();

    await companyPage.openTab('Bank feeds');
    await companyPage.bankFeeds.connection('QuickBooks Online Bank Feeds').getByRole('button', { name: 'Add source account' }).click();
    await expect(companyPage.bankFeeds.createDialog('QuickBooks Online Bank Feeds')).toBeVisible();
    await scan('Add source account dialog');
    await companyPage.bankFeeds.createDialog('QuickBooks Online Bank Feeds').getByRole('button', { name: 'Cancel' }).click();

    await companyPage.deleteButton.click();
    await expect(companyPage.deleteDialog(company.name)).toBeVisible();
    await scan('Delete company dialog');
    await companyPage.deleteDialog(company.name).getByRole('button', { name: 'Cancel' }).click();

    const create = new CreateCompanyPage(page);
    await create.goto();
    await scan('Create company');

    await page.goto('/#/audit-events');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeAttached();
    await expect(page.getByRole('table')).toBeVisible();
    await scan('Audit log');

    await page.goto('/#/staff');
    await expect(page.getByRole('cell', { name: DEMO_STAFF.finance.email })).toBeVisible();
    await scan('Staff');
  });
});
