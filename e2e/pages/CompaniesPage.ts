import { expect, type Locator, type Page } from '@playwright/test';

/** The companies list and the "New company" form with its duplicate check (apps/admin/src/resources/companies). */
export class CompaniesPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly newCompanyButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Companies' });
    this.search = page.getByRole('textbox', { name: 'Search companies' });
    this.newCompanyButton = page.getByRole('link', { name: 'New company' }).first();
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/companies');
    await expect(this.page.getByRole('table')).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}

/** The "New company" screen and the "This customer may already exist" dialog. */
export class CreateCompanyPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly merchantId: Locator;
  readonly description: Locator;
  readonly submit: Locator;
  readonly duplicateDialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'New company' });
    this.name = page.getByRole('textbox', { name: 'Company name' });
    this.merchantId = page.getByRole('textbox', { name: 'Merchant id' });
    this.description = page.getByRole('textbox', { name: 'Description' });
    this.submit = page.getByRole('button', { name: 'Create company' });
    this.duplicateDialog = page.getByRole('dialog', { name: 'This customer may already exist' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/companies/create');
    await expect(this.heading).toBeVisible();
  }

  async fill(values: { name: string; merchantId?: string; description?: string }): Promise<void> {
    await this.name.fill(values.name);
    if (values.merchantId !== undefined) await this.merchantId.fill(values.merchantId);
    if (values.description !== undefined) await this.description.fill(values.description);
  }

  /** One existing company offered in the duplicate dialog; several may share a name, so pick by position. */
  candidates(name?: string): Locator {
    const cards = this.duplicateDialog.getByRole('article');
    return name ? cards.filter({ has: this.page.getByRole('heading', { name, exact: true }) }) : cards;
  }

  useThisOne(candidate: Locator): Locator {
    return candidate.getByRole('button', { name: /^Use this one/ });
  }
}
