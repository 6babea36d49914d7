import type { Locator, Page } from '@playwright/test';

/** One error group (ErrorGroupShow.tsx): the affected companies and the bulk actions over them. */
export class ErrorGroupPage {
  readonly refreshAll: Locator;
  readonly confirmRefresh: Locator;
  readonly outreachExport: Locator;
  readonly affected: Locator;

  constructor(readonly page: Page) {
    this.refreshAll = page.getByRole('button', { name: 'Refresh all affected companies' });
    this.confirmRefresh = page.getByRole('button', { name: 'Queue the refreshes' });
    this.outreachExport = page.getByRole('link', { name: /^Export outreach list/ });
    this.affected = page.getByRole('table', { name: 'Affected companies' });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }
}
