import { expect, type Locator, type Page } from '@playwright/test';

/** The app bar's company search, opened with Ctrl+K (apps/admin/src/search). */
export class GlobalSearch {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Find a company' });
    this.input = this.dialog.getByRole('combobox', { name: /Name, company id, connection id, merchant id/ });
    this.results = this.dialog.getByRole('listbox', { name: 'Companies found' });
    this.status = this.dialog.getByRole('status');
  }

  /** Opens the search from the keyboard, the way staff are told to. */
  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  async search(text: string): Promise<void> {
    await this.input.fill(text);
  }

  option(name: string | RegExp): Locator {
    return this.results.getByRole('option', { name });
  }

  /** Searches and opens the only (or first) company found, with Enter as a keyboard user would. */
  async findAndOpen(text: string, expectedName: string | RegExp): Promise<void> {
    await this.search(text);
    await expect(this.option(expectedName).first()).toBeVisible();
    await this.input.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
