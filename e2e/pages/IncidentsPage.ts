import type { Locator, Page } from '@playwright/test';

/** The incidents screen (apps/admin/src/resources/incidents/IncidentList.tsx): the rule, then one section per incident. */
export class IncidentsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Incidents' });
  }

  incident(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }
}
