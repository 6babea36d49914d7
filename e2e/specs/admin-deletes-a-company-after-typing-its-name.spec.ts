import { CompaniesPage } from '../pages/CompaniesPage.js';
import { CompanyPage } from '../pages/CompanyPage.js';
import { createCompanyInCodat, emulator, uniqueName } from '../support/control.js';
import { expect, signInAs, test } from '../support/fixtures.js';

test.describe('an admin deletes a company after typing its name', () => {
  test('Delete company stays disabled until the exact name is typed; then the company is gone from Codat and the list', async ({ page, shot }) => {
    const company = await createCompanyInCodat(uniqueName('Playwright Throwaway'));

    await signInAs(page, 'admin');
    const companyPage = new CompanyPage(page);
    await companyPage.goto(company.id);
    await companyPage.expectCompany(company.name);
    await shot('throwaway-company');

    await companyPage.deleteButton.click();
    const dialog = companyPage.deleteDialog(company.name);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('cannot be undone');
    const confirm = dialog.getByRole('button', { name: 'Delete company' });
    const typed = dialog.getByRole('textbox', { name: 'Type the company name to confirm' });
    await expect(confirm).toBeDisabled();
    await typed.fill(company.name.toLowerCase());
    await expect(confirm).toBeDisabled();
    await typed.fill(company.name.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await shot('name-not-yet-typed');
    await typed.fill(company.name);
    await expect(confirm).toBeEnabled();
    await shot('name-typed');
    await confirm.click();

    await expect(page).toHaveURL(/#\/companies(\?|$)/);
    await expect(page.getByText(`Deleted ${company.name} and its connections in Codat.`)).toBeVisible();
    await expect(emulator.get(`/companies/${company.id}`)).rejects.toThrow(/→ 404/);

    const companies = new CompaniesPage(page);
    await companies.search.fill(company.name);
    await expect(page.getByText('No companies match these filters')).toBeVisible();
    await shot('gone-from-list');
  });
});
