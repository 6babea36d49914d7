import { expect, type Locator, type Page } from '@playwright/test';

/** What every signed-in screen has: the app bar with the role chip, the menu, the dashboard heading. */
export class AppShell {
  readonly dashboardHeading: Locator;
  readonly searchButton: Locator;

  constructor(readonly page: Page) {
    this.dashboardHeading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.searchButton = page.getByRole('button', { name: /^Search/ });
  }

  /** The role chip beside the user menu, e.g. "Customer success". */
  roleChip(label: string): Locator {
    return this.page.getByRole('banner').getByText(label, { exact: true });
  }

  menuItem(name: string): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  async expectDashboard(): Promise<void> {
    await expect(this.dashboardHeading).toBeVisible();
  }
}
