import { CompanyPage } from '../pages/CompanyPage.js';
import { CompaniesPage, CreateCompanyPage } from '../pages/CompaniesPage.js';
import { DEMO_FIXTURES, emulatorState } from '../support/control.js';
import { expect, signInAs, test } from '../support/fixtures.js';

const customer = DEMO_FIXTURES.duplicateCustomer;

test.describe('a customer-success user creates a company for a customer who already has one', () => {
  test('is shown the existing companies, picks "Use this one", lands on it, and nothing is created', async ({ page, shot }) => {
    const before = (await emulatorState()).counts.companies;

    await signInAs(page, 'customer_success');
    const companies = new CompaniesPage(page);
    await companies.goto();
    await shot('companies-list');
    await companies.newCompanyButton.click();

    const create = new CreateCompanyPage(page);
    await expect(create.heading).toBeVisible();
    await create.fill({ name: customer.name, merchantId: customer.merchantId });
    await shot('new-company-form');
    await create.submit.click();

    // All three of the customer's companies share the merchant id; the oldest (with the Linked Xero connection) comes first.
    await expect(create.duplicateDialog).toBeVisible();
    const candidates = create.candidates();
    await expect(candidates).toHaveCount(customer.companyIds.length);
    const oldest = candidates.first();
    await expect(oldest.getByRole('heading', { name: customer.name, exact: true })).toBeVisible();
    await expect(oldest.getByText('Same merchant id')).toBeVisible();
    await expect(oldest.getByText(/Xero/)).toBeVisible();
    await expect(create.duplicateDialog.getByRole('button', { name: 'Create anyway' })).toBeDisabled();
    await shot('duplicate-dialog');

    await create.useThisOne(oldest).click();
    const companyPage = new CompanyPage(page);
    await expect(page).toHaveURL(new RegExp(`#/companies/${customer.companyIds[0]}/show`));
    await companyPage.expectCompany(customer.name);
    await expect(companyPage.tab('Connections')).toHaveText(/Connections \(1\)/i);
    await shot('existing-company');

    expect((await emulatorState()).counts.companies).toBe(before);
  });
});
