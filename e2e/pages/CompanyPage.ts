import { expect, type Locator, type Page } from '@playwright/test';

export type CompanyTab = 'Overview' | 'Connections' | 'Data' | 'Bank feeds' | 'History';

/**
 * The company page (apps/admin/src/resources/companies/CompanyShow.tsx): header with its actions,
 * the section tabs, and the Share panel beside them.
 */
export class CompanyPage {
  readonly tabs: Locator;
  readonly panel: Locator;
  readonly deleteButton: Locator;
  readonly share: SharePanel;
  readonly connections: ConnectionsSection;
  readonly data: DataSection;
  readonly bankFeeds: BankFeedsSection;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('tablist', { name: 'Company sections' });
    this.panel = page.getByRole('tabpanel');
    this.deleteButton = page.getByRole('button', { name: 'Delete company' });
    this.share = new SharePanel(page);
    this.connections = new ConnectionsSection(page, this.panel);
    this.data = new DataSection(page, this.panel);
    this.bankFeeds = new BankFeedsSection(page, this.panel);
  }

  async goto(companyId: string, tab?: 'connections' | 'data' | 'bank-feeds' | 'history'): Promise<void> {
    await this.page.goto(`/#/companies/${companyId}/show${tab ? `/${tab}` : ''}`);
    await expect(this.tabs).toBeVisible();
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  async expectCompany(name: string): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
  }

  /** "Connections (2)" carries the count, so tabs are matched by how their name starts. */
  tab(name: CompanyTab): Locator {
    return this.tabs.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  async openTab(name: CompanyTab): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** The delete-company dialog, which wants the name typed. */
  deleteDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete ${name}?` });
  }
}

/** "Share with the customer": the URLs to send, each fetched fresh and audited when copied. */
export class SharePanel {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Share with the customer' });
  }

  /** One URL option, by its heading: "Company Link URL", "QuickBooks Online link (reconnect)", … */
  option(title: string | RegExp): Locator {
    return this.region.getByRole('region', { name: title });
  }

  get companyLink(): Locator {
    return this.option('Company Link URL');
  }

  /**
   * Waits until the company's connections are in: until then the options they add are missing,
   * and their arrival moves everything below, so a click meant for one button lands on another.
   */
  async settled(): Promise<void> {
    await expect(this.region.getByRole('status').filter({ hasText: 'Checking the connections' })).toHaveCount(0);
  }

  /** Copies the company Link URL and waits for the confirmation under it. */
  async copyCompanyLink(): Promise<void> {
    await this.settled();
    await this.companyLink.getByRole('button', { name: 'Copy link' }).click();
    await expect(this.companyLink.getByRole('status')).toContainText('Link copied at');
  }

  /** Opens "Invite URL", copies it, and answers what was put on the clipboard. */
  async copyInviteUrl(): Promise<string> {
    await this.settled();
    const summary = this.region.getByRole('button', { name: /Invite URL/ });
    await summary.click();
    await expect(summary).toHaveAttribute('aria-expanded', 'true');
    const option = this.option('Invite URL (bulk onboarding)');
    const copy = option.getByRole('button', { name: 'Copy invite URL' });
    // The option slides open: the button stands still while the accordion still clips it, so a
    // click as soon as it is "stable" can land on what covers it. Click once it is wholly shown.
    await copy.scrollIntoViewIfNeeded();
    await expect(copy).toBeInViewport({ ratio: 1 });
    await copy.click();
    await expect(option.getByRole('status')).toContainText('Link copied at');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

/** The Connections tab: one article per connection, "New connection" and its picker. */
export class ConnectionsSection {
  readonly newConnectionButton: Locator;

  constructor(
    readonly page: Page,
    readonly panel: Locator,
  ) {
    this.newConnectionButton = panel.getByRole('button', { name: 'New connection' });
  }

  /** A connection card, by its platform's exact name ("QuickBooks Online" is not "… Bank Feeds"). */
  connection(platformName: string): Locator {
    return this.panel.getByRole('article', { name: platformName, exact: true });
  }

  /** The errors heading of a card: "No errors" or "Errors: 1 active, 0 resolved". */
  errorsHeading(connection: Locator): Locator {
    return connection.getByRole('heading', { level: 4 });
  }

  errors(connection: Locator): Locator {
    return connection.getByRole('list').getByRole('listitem');
  }

  newConnectionDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^New connection for / });
  }

  createdDialog(platformName: string): Locator {
    return this.page.getByRole('dialog', { name: `${platformName} connection created` });
  }

  /** New connection → search the picker → choose → create; leaves the "created" dialog open. */
  async create(platformName: string): Promise<Locator> {
    await this.newConnectionButton.click();
    const dialog = this.newConnectionDialog();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Search integrations' }).fill(platformName);
    await dialog.getByRole('radio', { name: platformName, exact: true }).check();
    await dialog.getByRole('button', { name: `Create ${platformName} connection` }).click();
    const created = this.createdDialog(platformName);
    await expect(created).toBeVisible();
    return created;
  }
}

/** The Data tab: status per data type, sync history, "Refresh all" and the live indicator. */
export class DataSection {
  readonly region: Locator;
  readonly refreshAll: Locator;
  readonly live: Locator;
  readonly statusTable: Locator;
  readonly finished: Locator;
  readonly refreshOutcome: Locator;

  constructor(
    readonly page: Page,
    readonly panel: Locator,
  ) {
    this.region = panel.getByRole('region', { name: 'Data', exact: true });
    this.refreshAll = this.region.getByRole('button', { name: 'Refresh all' });
    this.live = this.region.getByText('LIVE', { exact: true });
    this.statusTable = this.region.getByRole('table', { name: 'Data status per data type' });
    this.finished = this.region.getByRole('status').filter({ hasText: 'Sync finished' });
    this.refreshOutcome = this.region.getByText(/^Refresh queued/);
  }
}

/** The Bank feeds tab: per bank-feed connection, its source accounts and their dialogs. */
export class BankFeedsSection {
  constructor(
    readonly page: Page,
    readonly panel: Locator,
  ) {}

  connection(platformName: string): Locator {
    return this.panel.getByRole('region', { name: platformName, exact: true });
  }

  accountsTable(platformName: string): Locator {
    return this.connection(platformName).getByRole('table', { name: `Source accounts of ${platformName}` });
  }

  accountRow(platformName: string, accountName: string): Locator {
    return this.accountsTable(platformName)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(accountName)}(\\s|$)`) }) });
  }

  createDialog(platformName: string): Locator {
    return this.page.getByRole('dialog', { name: `Add a source account to ${platformName}` });
  }

  editDialog(accountName: string): Locator {
    return this.page.getByRole('dialog', { name: `Edit source account ${accountName}` });
  }

  deleteDialog(accountName: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete source account “${accountName}”?` });
  }
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
