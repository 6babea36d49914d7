import { CompanyPage } from '../pages/CompanyPage.js';
import { CreateCompanyPage } from '../pages/CompaniesPage.js';
import { companiesNamedInCodat, uniqueName } from '../support/control.js';
import { consoleApiAs, expect, signInAs, test } from '../support/fixtures.js';

test.describe('a customer-success user submits a new company twice', () => {
  test('loses the answer to a network drop, submits again, and gets one company', async ({ page, shot }) => {
    const name = uniqueName('Twice Submitted Saddlery');
    await signInAs(page, 'customer_success');

    // Every create the browser sends, with its Idempotency-Key; the first answer is lost on the way back.
    const keys: string[] = [];
    let answersLost = 0;
    await page.route('**/api/companies', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (answersLost > 0) return route.continue();
      answersLost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });

    const create = new CreateCompanyPage(page);
    await create.goto();
    await create.fill({ name, merchantId: `M-${Date.now()}` });
    await create.submit.click();
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be reached' })).toBeVisible();
    await shot('answer-lost');

    await create.submit.click();
    const companyPage = new CompanyPage(page);
    await companyPage.expectCompany(name);
    await shot('one-company');

    // However many times it was sent, it was one intent, and Codat has one company.
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    const made = await companiesNamedInCodat(name);
    expect(made).toHaveLength(1);
    await expect(page).toHaveURL(new RegExp(`#/companies/${made[0]!.id}/show`));

    const admin = await consoleApiAs('admin');
    const created = (await admin.auditEvents({ action: 'company.create' })).filter((entry) => entry.companyName === name && entry.outcome === 'ok');
    expect(created).toHaveLength(1);
    await admin.dispose();
  });
});
