import { expect, type Locator, type Page } from '@playwright/test';

/** The connection-error groups list (apps/admin/src/resources/connection-error-groups/ErrorGroupList.tsx): filters in the URL, one row per group. */
export class ErrorGroupsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly platform: Locator;
  readonly statusCode: Locator;
  readonly incidentsOnly: Locator;
  readonly sortBy: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Connection errors' });
    this.table = page.getByRole('table', { name: 'Connection error groups' });
    this.platform = page.getByRole('combobox', { name: 'Platform' });
    this.statusCode = page.getByRole('combobox', { name: 'Status code' });
    this.incidentsOnly = page.getByRole('checkbox', { name: 'Probable incidents only' });
    this.sortBy = page.getByRole('combobox', { name: 'Sort by' });
  }

  /** After a reload the whole console starts again (session, code, data): more time than a click. */
  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible({ timeout: 30_000 });
    await expect(this.table).toBeVisible({ timeout: 30_000 });
  }

  async choosePlatform(name: string): Promise<void> {
    await this.platform.click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The filter the URL holds (react-admin's list state). */
  urlFilter(): Record<string, unknown> {
    const query = new URLSearchParams(new URL(this.page.url()).hash.split('?')[1] ?? '');
    return JSON.parse(query.get('filter') ?? '{}') as Record<string, unknown>;
  }

  async openGroup(platformName: string): Promise<void> {
    await this.table.getByRole('link', { name: platformName, exact: true }).click();
  }
}
