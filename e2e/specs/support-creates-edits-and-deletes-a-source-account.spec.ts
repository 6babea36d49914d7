import { CompanyPage } from '../pages/CompanyPage.js';
import { DEMO_FIXTURES, emulator } from '../support/control.js';
import { expect, signInAs, test } from '../support/fixtures.js';

const company = DEMO_FIXTURES.bankFeedAccounts;
const PLATFORM = 'Xero';

interface CodatSourceAccount {
  id: string;
  accountName?: string;
  sortCode?: string | null;
  currency?: string;
}

/** The connection's source accounts as Codat holds them (v1 and v2 list at different paths; the BFF picks one, so ask for either). */
async function codatSourceAccounts(): Promise<CodatSourceAccount[]> {
  const v1 = await emulator.get(`/companies/${company.companyId}/connections/${company.connectionId}/connectionInfo/bankFeedAccounts`).catch(() => undefined);
  if (Array.isArray(v1)) return v1 as CodatSourceAccount[];
  const v2 = await emulator.get(`/companies/${company.companyId}/connections/${company.connectionId}/connectionInfo/sourceAccounts`);
  return (Array.isArray(v2) ? v2 : (v2.results ?? [])) as CodatSourceAccount[];
}

test.describe('a support user creates, edits and deletes a source account', () => {
  test('a GBP account on the Xero bank feed: created with its sort code, renamed, then deleted', async ({ page, shot }) => {
    const accountId = `e2e-${Date.now().toString(36)}`;
    const name = 'Playwright Savings';
    const renamed = 'Playwright Savings (renamed)';

    await signInAs(page, 'support');
    const companyPage = new CompanyPage(page);
    await companyPage.goto(company.companyId, 'bank-feeds');
    await companyPage.expectCompany(company.name);
    const feeds = companyPage.bankFeeds;
    const table = feeds.accountsTable(PLATFORM);
    await expect(table.getByRole('row')).toHaveCount(1 + company.sourceAccountIds.length);
    await shot('bank-feeds');

    // Create: a GBP account needs a sort code; the form says so before it is sent.
    await feeds.connection(PLATFORM).getByRole('button', { name: 'Add source account' }).click();
    const create = feeds.createDialog(PLATFORM);
    await expect(create).toBeVisible();
    await create.getByRole('textbox', { name: 'Account id' }).fill(accountId);
    await create.getByRole('textbox', { name: 'Account name' }).fill(name);
    const type = create.getByRole('combobox', { name: 'Account type' });
    const types = (await type.locator('option').allTextContents()).filter((text) => !/Choose|None/.test(text));
    await type.selectOption(types.includes('savings') ? 'savings' : types[0]!);
    await create.getByRole('textbox', { name: 'Account number' }).fill('41234567');
    await create.getByRole('textbox', { name: 'Currency' }).fill('GBP');
    await create.getByRole('textbox', { name: 'Balance' }).fill('1250.50');
    await create.getByRole('button', { name: 'Create source account' }).click();
    await expect(create.getByText('Sort code is required for GBP accounts')).toBeVisible();
    await shot('create-needs-sort-code');
    await create.getByRole('textbox', { name: 'Sort code' }).fill('12-34-56');
    await create.getByRole('button', { name: 'Create source account' }).click();
    await expect(create).toBeHidden();
    await expect(feeds.connection(PLATFORM).getByText(`Source account “${name}” created on ${PLATFORM}`)).toBeVisible();
    const row = feeds.accountRow(PLATFORM, name);
    await expect(row).toBeVisible();
    await expect(row).toContainText(accountId);
    await expect(row).toContainText('GBP');
    await expect(row).not.toContainText('41234567'); // the number is masked
    await shot('created');
    expect(await codatSourceAccounts()).toContainEqual(expect.objectContaining({ id: accountId, accountName: name }));

    // Edit: Codat lets a client rename it.
    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = feeds.editDialog(name);
    await expect(edit).toBeVisible();
    const accountName = edit.getByRole('textbox', { name: 'Account name' });
    await accountName.fill(renamed);
    await shot('edit-dialog');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(feeds.connection(PLATFORM).getByText(`Source account “${renamed}” saved.`)).toBeVisible();
    const renamedRow = feeds.accountRow(PLATFORM, renamed);
    await expect(renamedRow).toBeVisible();
    await shot('renamed');
    expect(await codatSourceAccounts()).toContainEqual(expect.objectContaining({ id: accountId, accountName: renamed }));

    // Delete: the dialog says the feed stops and the target account stays.
    await renamedRow.getByRole('button', { name: `Delete ${renamed}` }).click();
    const remove = feeds.deleteDialog(renamed);
    await expect(remove).toContainText('disables the bank feed; the target account stays');
    await shot('delete-dialog');
    await remove.getByRole('button', { name: 'Delete source account' }).click();
    await expect(remove).toBeHidden();
    await expect(feeds.connection(PLATFORM).getByText(`Source account “${renamed}” deleted`)).toBeVisible();
    await expect(renamedRow).toHaveCount(0);
    await expect(table.getByRole('row')).toHaveCount(1 + company.sourceAccountIds.length);
    await shot('deleted');
    expect((await codatSourceAccounts()).map((account) => account.id)).not.toContain(accountId);
  });
});
