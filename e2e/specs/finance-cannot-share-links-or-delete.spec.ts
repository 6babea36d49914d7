import { CompanyPage } from '../pages/CompanyPage.js';
import { DEMO_FIXTURES } from '../support/control.js';
import { consoleApiAs, expect, signInAs, test } from '../support/fixtures.js';
import { apiSettled as settled, trackApi } from '../support/settle.js';

/** Linked QuickBooks Online plus a pending QBO Bank Feeds connection: every share option and every action would show for an admin. */
const company = DEMO_FIXTURES.pendingBankFeed;
const COPY_URL_BUTTONS = /^(Copy link|Copy message|Copy invite URL)$/;

test.describe('a finance user cannot see share buttons or delete', () => {
  test('the company page has no Share panel, no copy-URL buttons, no delete, unlink or other changes', async ({ page, shot }) => {
    trackApi(page);
    await signInAs(page, 'finance');
    const companyPage = new CompanyPage(page);
    await companyPage.goto(company.companyId);
    await companyPage.expectCompany(company.name);
    await expect(companyPage.tab('Overview')).toHaveAttribute('aria-selected', 'true');
    // Absence is only meaningful once the page has settled: permissions and panels load asynchronously.
    await settled(page);

    await expect(companyPage.share.region).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Company Link URL' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: COPY_URL_BUTTONS })).toHaveCount(0);
    await expect(companyPage.deleteButton).toHaveCount(0);
    // Ids may still be copied: they are not URLs and reveal nothing.
    await expect(page.getByRole('button', { name: `Copy company id ${company.companyId}` })).toBeVisible();
    await shot('overview-no-share-panel');

    await companyPage.openTab('Connections');
    await expect(companyPage.connections.connection('QuickBooks Online')).toBeVisible();
    await expect(companyPage.connections.connection('QuickBooks Online Bank Feeds')).toBeVisible();
    await settled(page);
    for (const name of ['New connection', 'Unlink', 'Delete', 'Delete company']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('button', { name: COPY_URL_BUTTONS })).toHaveCount(0);
    await shot('connections-read-only');

    await companyPage.openTab('Data');
    await expect(companyPage.data.statusTable).toBeVisible();
    await settled(page);
    await expect(companyPage.data.region.getByRole('button', { name: /^Refresh/ })).toHaveCount(0);
    await shot('data-read-only');

    await companyPage.openTab('Bank feeds');
    await expect(companyPage.bankFeeds.accountsTable('QuickBooks Online Bank Feeds')).toBeVisible();
    await settled(page);
    await expect(companyPage.panel.getByText('Your role can view source accounts; Support and Admin can change them.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Add source account|Add several at once|Edit |Delete |Reveal)/ })).toHaveCount(0);
    await shot('bank-feeds-read-only');

    // The BFF refuses what the screens hide (DESIGN.md §5: it enforces, the SPA only mirrors).
    const finance = await consoleApiAs('finance');
    try {
      expect((await finance.post(`/companies/${company.companyId}/link-url`)).status).toBe(403);
      expect((await finance.post(`/connections/${encodeURIComponent(`${company.companyId}:${company.connectionId}`)}/link-url`)).status).toBe(403);
    } finally {
      await finance.dispose();
    }
  });
});
