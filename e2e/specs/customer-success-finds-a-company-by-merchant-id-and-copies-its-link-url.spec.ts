import { CompanyPage } from '../pages/CompanyPage.js';
import { GlobalSearch } from '../pages/GlobalSearch.js';
import { DEMO_FIXTURES, getCompanyFromCodat } from '../support/control.js';
import { consoleApiAs, expect, signInAs, test } from '../support/fixtures.js';
import { DEMO_STAFF } from '../support/staff.js';

const company = DEMO_FIXTURES.bankFeedAccounts;

test.describe('a customer-success user finds a company by merchant id and copies its Link URL', () => {
  test('Ctrl+K → merchant id → company page → Copy link: a fresh URL on the clipboard, and an audit entry', async ({ page, shot }) => {
    await signInAs(page, 'customer_success');
    await shot('dashboard');

    const search = new GlobalSearch(page);
    await search.openWithShortcut();
    await search.search(company.merchantId);
    const found = search.option(new RegExp(company.name));
    await expect(found).toBeVisible();
    await expect(found).toContainText(`Merchant id ${company.merchantId}`);
    await expect(search.status).toContainText('1 company found');
    await shot('search-by-merchant-id');
    await search.input.press('Enter');
    await expect(search.dialog).toBeHidden();

    const companyPage = new CompanyPage(page);
    await companyPage.expectCompany(company.name);
    await expect(page).toHaveURL(new RegExp(`#/companies/${company.companyId}/show`));
    await expect(companyPage.share.region).toBeVisible();
    await expect(companyPage.share.companyLink.getByText('Recommended')).toBeVisible();
    await shot('company-page-share-panel');

    const copiedAt = new Date();
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
    await companyPage.share.copyCompanyLink();
    await expect(companyPage.share.companyLink.getByRole('status')).toContainText('Company Link URL');
    await shot('company-link-copied');

    // The clipboard holds the company's current Link URL, as Codat hands it out now.
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    const { redirect } = await getCompanyFromCodat(company.companyId);
    expect(clipboard).toBe(redirect);
    expect(new URL(clipboard).pathname).toContain(company.companyId);

    // The reveal is in the audit log: who copied which company's URL, and when.
    const admin = await consoleApiAs('admin');
    try {
      const entries = await admin.auditEvents({ companyId: company.companyId });
      const reveal = entries.find(
        (entry) =>
          entry.actorEmail === DEMO_STAFF.customer_success.email &&
          /link/i.test(entry.action) &&
          entry.outcome === 'ok' &&
          Date.parse(entry.at) >= copiedAt.getTime() - 5_000,
      );
      expect(reveal, `an audit entry for the Link URL copy among: ${JSON.stringify(entries.map((e) => [e.action, e.outcome, e.actorEmail]))}`).toBeDefined();
      expect(reveal!.companyId).toBe(company.companyId);
    } finally {
      await admin.dispose();
    }
  });
});
