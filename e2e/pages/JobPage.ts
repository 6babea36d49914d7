import type { Locator, Page } from '@playwright/test';

/** A bulk job's page (apps/admin/src/resources/jobs/JobShow.tsx): live progress and per-company results. */
export class JobPage {
  readonly heading: Locator;
  readonly progress: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Job \d+: Refresh of all data/ });
    this.progress = page.getByRole('progressbar', { name: 'Job progress' });
    this.results = page.getByRole('table', { name: 'Per-company results' });
  }

  /** "Finished: 9 of 9 companies", "Running: 3 of 9 companies", … */
  status(text: RegExp): Locator {
    return this.page.getByText(text);
  }
}
