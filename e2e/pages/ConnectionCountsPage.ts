import { expect, type Locator, type Page } from '@playwright/test';

const monthName = (month: string) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** Reports › Connection counts: the 13-month trend, one month's figures, its changes, the invoice and the close. */
export class ConnectionCountsPage {
  readonly trend: Locator;
  readonly months: Locator;
  readonly closePanel: Locator;
  readonly invoiceFile: Locator;

  constructor(readonly page: Page) {
    this.trend = page.getByRole('region', { name: '13-month trend' });
    this.months = page.getByRole('table', { name: 'Months' });
    this.closePanel = page.getByRole('region', { name: 'Invoice and month close' });
    this.invoiceFile = page.getByLabel('Invoice CSV', { exact: true });
  }

  async goto(month: string): Promise<void> {
    await this.page.goto(`/#/reports/connection-counts?month=${month}`);
    await this.expectMonth(month);
  }

  async expectMonth(month: string): Promise<void> {
    // The first visit loads the screen's code and the 13 months' reports.
    await expect(this.page.getByRole('heading', { level: 2, name: monthName(month) })).toBeVisible({ timeout: 30_000 });
  }

  /** Opens a month from the trend's table. */
  async openMonth(month: string): Promise<void> {
    await this.months.getByRole('button', { name: `Open ${monthName(month)}` }).click();
    await this.expectMonth(month);
  }

  changeButton(kind: 'new' | 'lost' | 'relinked'): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^\\d+ ${kind}$`) });
  }

  changeList(kind: 'New' | 'Lost' | 'Relinked'): Locator {
    return this.page.getByRole('region', { name: `${kind} connections` });
  }

  closeButton(month: string): Locator {
    return this.closePanel.getByRole('button', { name: `Close ${monthName(month)}` });
  }
}
