import { CompanyPage } from '../pages/CompanyPage.js';
import { GlobalSearch } from '../pages/GlobalSearch.js';
import { authorizeConnection, DEMO_FIXTURES } from '../support/control.js';
import { expect, signInAs, test } from '../support/fixtures.js';

const company = DEMO_FIXTURES.activeError;
const PLATFORM = 'QuickBooks Online';

test.describe('a support user finds a connection with an active error, reads it, queues a refresh and watches it complete', () => {
  test('the de-authorized QuickBooks Online connection: its 401, the reconnect, then Refresh all with the live indicator', async ({ page, shot }) => {
    // A full refresh runs several data types one sync step (~1.5 s) per phase each.
    test.setTimeout(90_000);
    await signInAs(page, 'support');

    const search = new GlobalSearch(page);
    await search.openWithShortcut();
    await search.findAndOpen(company.name, new RegExp(company.name));
    const companyPage = new CompanyPage(page);
    await companyPage.expectCompany(company.name);

    await companyPage.openTab('Connections');
    const connection = companyPage.connections.connection(PLATFORM);
    await expect(connection.getByText('Deauthorized', { exact: true })).toBeVisible();
    await expect(companyPage.connections.errorsHeading(connection)).toHaveText('Errors: 1 active, 0 resolved');
    const error = companyPage.connections.errors(connection).first();
    await expect(error).toContainText('401');
    await expect(error).toContainText(/de-?authori[sz]ed/i);
    await expect(error.getByText('Active', { exact: true })).toBeVisible();
    // Support may share the reconnect link: no new connection, no new billing.
    await expect(companyPage.share.option(`${PLATFORM} link (reconnect)`)).toBeVisible();
    await shot('active-error');

    // A refresh of a de-authorized connection fails with AuthError, so the customer reconnects first
    // (they used the reconnect link: the emulator's control API stands in for their visit to Link).
    await authorizeConnection(company.connectionId);
    await page.reload();
    await expect(connection.getByText('Linked', { exact: true })).toBeVisible();
    await expect(companyPage.connections.errorsHeading(connection)).toHaveText('Errors: 0 active, 1 resolved');
    await shot('reconnected-error-resolved');

    await companyPage.openTab('Data');
    const data = companyPage.data;
    await expect(data.refreshAll).toBeEnabled();
    await shot('data-before-refresh');
    await data.refreshAll.click();
    await expect(data.refreshOutcome).toBeVisible();
    await expect(data.live).toBeVisible();
    await expect(data.region.getByRole('list', { name: 'Reads in progress' })).toBeVisible();
    await expect(data.refreshAll).toBeDisabled();
    await shot('refresh-live');

    await expect(data.finished).toContainText(/Sync finished: \d+ reads? finished, \d+ complete/, { timeout: 60_000 });
    await expect(data.live).toBeHidden();
    await expect(data.finished).not.toContainText('failed');
    await expect(data.refreshAll).toBeEnabled();
    await expect(data.statusTable.getByRole('row').filter({ hasText: 'Latest read succeeded' }).first()).toBeVisible();
    await shot('refresh-finished');
  });
});
