import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentIncident, endedIncident, incidentsResponse } from '../../test/fixtures/incidents';
import { XERO_GROUP_ID } from '../../test/fixtures/error-groups';
import { incidentsHandlers } from '../../test/handlers/incidents';
import { renderApp } from '../../test/renderApp';

const T = { timeout: 20_000 };

describe('Incidents', { timeout: 60_000 }, () => {
  beforeEach(() => localStorage.clear());

  it('states the rule and the window, and shows each incident with its chart, start, growth and actions', async () => {
    renderApp('/incidents', { role: 'support', handlers: incidentsHandlers() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Incidents' }, T)).toBeInTheDocument();
    expect(await screen.findByText(/at least 5 companies .* 5× .* within the last 14 days \(the mirror keeps 13 months/, {}, T)).toBeInTheDocument();
    const xero = screen.getByRole('region', { name: 'Xero: 503 Service Unavailable' });
    expect(within(xero).getByRole('link', { name: 'Xero: 503 Service Unavailable' })).toHaveAttribute('href', `#/connection-error-groups/${XERO_GROUP_ID}/show`);
    expect(within(xero).getByText('Ongoing, still growing')).toBeInTheDocument();
    expect(within(xero).getByText(/12 companies hit in the last 12 hours, 2 in the 12 hours before/)).toBeInTheDocument();
    expect(within(xero).getByRole('img', { name: /Affected companies per day over 20 days: at most 3 .* baseline of 0.1 a day; the rule needs 5/ })).toBeInTheDocument();
    expect(await within(xero).findByRole('button', { name: 'Refresh all affected companies' }, T)).toBeInTheDocument();
    expect(await within(xero).findByRole('link', { name: 'Export outreach list with relink URLs (CSV)' }, T)).toHaveAttribute('href', `/api/connection-error-groups/${XERO_GROUP_ID}/outreach/export`);
    expect(within(xero).getByText('Xero confirmed an outage on their status page.')).toBeInTheDocument();

    const qbo = screen.getByRole('region', { name: 'QuickBooks Online: 401 Unauthorized' });
    expect(within(qbo).getByText(/^Ended/)).toBeInTheDocument();
    expect(within(qbo).queryByRole('button', { name: 'Refresh all affected companies' })).not.toBeInTheDocument();
  });

  it('offers customer success no bulk refresh (they may not queue one) but the outreach list with relink URLs (they may share links)', async () => {
    renderApp('/incidents', { role: 'customer_success', handlers: incidentsHandlers() });
    const xero = await screen.findByRole('region', { name: 'Xero: 503 Service Unavailable' }, T);
    expect(await within(xero).findByRole('link', { name: 'Export outreach list with relink URLs (CSV)' }, T)).toBeInTheDocument();
    expect(within(xero).queryByRole('button', { name: 'Refresh all affected companies' })).not.toBeInTheDocument();
  });

  it('says when there is none', async () => {
    renderApp('/incidents', { role: 'finance', handlers: incidentsHandlers(() => incidentsResponse([])) });
    expect(await screen.findByText('No probable incident now or in the last 14 days.', {}, T)).toBeInTheDocument();
  });

  it('updates while open: an incident that stops growing says so without a reload', async () => {
    let growing = true;
    renderApp('/incidents', {
      role: 'support',
      handlers: incidentsHandlers(() => incidentsResponse([{ ...currentIncident, incident: { ...currentIncident.incident, growing } }, endedIncident])),
    });
    expect(await screen.findByText('Ongoing, still growing', {}, T)).toBeInTheDocument();
    growing = false;
    expect(await screen.findByText('Ongoing, not growing', {}, T)).toBeInTheDocument();
  });
});
