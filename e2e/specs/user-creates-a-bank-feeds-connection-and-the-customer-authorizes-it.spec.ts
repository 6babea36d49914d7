import { CompanyPage } from '../pages/CompanyPage.js';
import { DEMO_FIXTURES, getCompanyFromCodat } from '../support/control.js';
import { expect, signInAs, test } from '../support/fixtures.js';

const company = DEMO_FIXTURES.noConnections;
const PLATFORM = 'QuickBooks Online Bank Feeds';

test.describe('a user creates a QuickBooks Online Bank Feeds connection and the customer authorizes it', () => {
  test('New connection → copy its link → the customer authorizes on the Link page → Linked in the console', async ({ page, context, shot }) => {
    await signInAs(page, 'customer_success');
    const companyPage = new CompanyPage(page);
    await companyPage.goto(company.companyId, 'connections');
    await companyPage.expectCompany(company.name);
    await expect(companyPage.panel.getByText(/No connections yet/)).toBeVisible();
    await shot('no-connections');

    const created = await companyPage.connections.create(PLATFORM);
    await expect(created).toContainText('Pending auth until the customer authorises it');
    const linkOption = created.getByRole('region', { name: `${PLATFORM} link` });
    await linkOption.getByRole('button', { name: 'Copy link' }).click();
    await expect(linkOption.getByRole('status')).toContainText('Link copied at');
    await shot('connection-created-link-copied');
    const linkUrl = await page.evaluate(() => navigator.clipboard.readText());
    expect(linkUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/link-api\/companies\/.+\/start/);

    await created.getByRole('button', { name: 'Done' }).click();
    const connection = companyPage.connections.connection(PLATFORM);
    await expect(connection.getByText('Pending auth', { exact: true })).toBeVisible();
    await shot('connection-pending');

    // The customer opens the link they were sent, in their own browser tab.
    const customerTab = await context.newPage();
    await customerTab.goto(linkUrl);
    await expect(customerTab.getByRole('heading', { level: 1 })).toHaveText(`Authorize ${PLATFORM}`);
    await shot('customer-authorize-page', customerTab);
    await customerTab.getByRole('button', { name: `Authorize ${PLATFORM}` }).click();
    await expect(customerTab.getByRole('heading', { level: 1 })).toHaveText(`Connected: ${PLATFORM}`);
    await shot('customer-connected', customerTab);
    await customerTab.close();

    // Back in the console: the connection is Linked once the page is reloaded.
    await page.reload();
    await expect(connection.getByText('Linked', { exact: true })).toBeVisible();
    await expect(companyPage.connections.errorsHeading(connection)).toHaveText('No errors');
    await shot('connection-linked');

    const { dataConnections } = await getCompanyFromCodat(company.companyId);
    expect(dataConnections).toEqual([expect.objectContaining({ integrationKey: 'hcws', status: 'Linked' })]);
  });
});
