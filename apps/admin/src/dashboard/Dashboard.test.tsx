import { screen, within } from '@testing-library/react';
import { http, type RequestHandler } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, auditEventRecords } from '../test/fixtures/audit-events';
import { auditEventsHandlers } from '../test/handlers/audit-events';
import { fleetHealthFixture, fleetHealthHandler } from '../test/handlers/fleet-health';
import { apiError, listParams, listResponse } from '../test/handlers/simple-rest-list';
import { renderApp } from '../test/renderApp';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const company = (id: string, name: string, status: string, fields: Record<string, unknown> = {}) => ({
  id,
  name,
  description: null,
  merchantId: null,
  tags: {},
  created: daysAgo(30),
  lastSync: daysAgo(1),
  redirectAvailable: true,
  platforms: [{ connectionId: `${id}-conn`, key: 'gbol', name: 'Xero', status, sourceType: 'Accounting' }],
  connectionCount: 1,
  activeErrorCount: 0,
  ...fields,
});

const companies = [
  company('c-deauth', 'Harbour Cafe', 'Deauthorized', { activeErrorCount: 1, lastSync: daysAgo(2) }),
  company('c-stale', 'Quiet Books Ltd', 'Linked', { lastSync: daysAgo(20) }),
  company('c-fresh', 'Busy Books Ltd', 'Linked', { lastSync: daysAgo(1) }),
  company('c-pending', 'New Bakery', 'PendingAuth', { created: daysAgo(3) }),
];

/** `GET /api/companies` filtered by status as the BFF does (a company matches if any platform has it). */
function companiesHandler(records = companies, requests: unknown[] = []): RequestHandler {
  return http.get('*/api/companies', ({ request }) => {
    requests.push(listParams(request).filter);
    return listResponse('companies', request, records, {
      status: (record, value) => (record.platforms as Array<{ status: string }>).some((p) => p.status === value),
    });
  });
}

const card = (title: string) => screen.findByRole('region', { name: title }, { timeout: 5000 });

describe('Dashboard', () => {
  beforeEach(() => localStorage.clear());

  it('shows support the broken and the stale connections, linked to the companies and the filtered list', async () => {
    const requests: unknown[] = [];
    renderApp('/', { role: 'support', handlers: [fleetHealthHandler(), companiesHandler(companies, requests)] });
    const broken = await card('Connections that broke');
    const harbour = await within(broken).findByRole('link', { name: 'Harbour Cafe' });
    expect(harbour).toHaveAttribute('href', '#/companies/c-deauth/show');
    expect(broken).toHaveTextContent('Xero deauthorized · 1 active error · last sync 2 days ago');
    const seeAll = within(broken).getByRole('link', { name: 'See all deauthorized companies' });
    expect(decodeURIComponent(seeAll.getAttribute('href')!)).toBe('#/companies?filter={"status":"Deauthorized"}');

    const stale = await card('Linked but not syncing');
    expect(await within(stale).findByRole('link', { name: 'Quiet Books Ltd' })).toBeInTheDocument();
    expect(within(stale).queryByText('Busy Books Ltd')).not.toBeInTheDocument();
    expect(stale).toHaveTextContent('Last sync 20 days ago');

    expect(screen.queryByRole('region', { name: 'Pending connections to chase' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Audit log' })).not.toBeInTheDocument();
    expect(requests).toEqual(expect.arrayContaining([{ status: 'Deauthorized' }, { status: 'Linked' }]));
  });

  it('shows customer success the pending connections to chase, and nothing of support’s', async () => {
    renderApp('/', { role: 'customer_success', handlers: [fleetHealthHandler(), companiesHandler()] });
    const pending = await card('Pending connections to chase');
    expect(await within(pending).findByRole('link', { name: 'New Bakery' })).toHaveAttribute('href', '#/companies/c-pending/show');
    expect(pending).toHaveTextContent('Xero pending · company created 3 days ago');
    expect(decodeURIComponent(within(pending).getByRole('link', { name: /See all companies with pending/ }).getAttribute('href')!)).toBe(
      '#/companies?filter={"status":"PendingAuth"}',
    );
    expect(screen.queryByRole('region', { name: 'Connections that broke' })).not.toBeInTheDocument();
  });

  it('shows finance the audit log and reports, no support cards, and asks nothing of the companies list', async () => {
    const requests: unknown[] = [];
    renderApp('/', { role: 'finance', handlers: [fleetHealthHandler(), companiesHandler(companies, requests), ...auditEventsHandlers().handlers] });
    const audit = await card('Audit log');
    expect(await within(audit).findByText('cs@console.test · companies.delete (refused)')).toBeInTheDocument();
    expect(within(audit).getByRole('link', { name: 'Open the audit log' })).toHaveAttribute('href', '#/audit-events');
    expect(await card('Connection-count reports')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Connections that broke' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Pending connections to chase' })).not.toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('lists each recent staff action once, with its outcome (the attempt entry is left out)', async () => {
    const attempt = auditEvent({ at: '2026-05-03T11:00:00.000Z', action: 'companies.create', outcome: 'attempt' });
    const outcome = auditEvent({ at: '2026-05-03T11:00:01.000Z', action: 'companies.create', outcome: 'ok', attemptId: attempt.id });
    const unresolved = auditEvent({ at: '2026-05-03T10:59:00.000Z', action: 'connections.unlink', outcome: 'attempt' });
    renderApp('/', { role: 'finance', handlers: [fleetHealthHandler(), companiesHandler(), ...auditEventsHandlers([outcome, attempt, unresolved, ...auditEventRecords]).handlers] });
    const recent = await within(await card('Audit log')).findByRole('list', { name: 'Recent staff actions' });
    expect(within(recent).getAllByText('support@console.test · companies.create')).toHaveLength(1);
    expect(within(recent).getByText('support@console.test · connections.unlink (no outcome yet)')).toBeInTheDocument();
    expect(within(recent).getAllByRole('listitem')).toHaveLength(5);
  });

  it('shows admins every card', async () => {
    renderApp('/', { role: 'admin', handlers: [fleetHealthHandler(), companiesHandler(), ...auditEventsHandlers().handlers] });
    for (const title of ['Connections that broke', 'Linked but not syncing', 'Pending connections to chase', 'Audit log', 'Staff accounts']) {
      expect(await card(title)).toBeInTheDocument();
    }
  });

  it('gives each card its own empty, loading and error state', async () => {
    renderApp('/', {
      role: 'admin',
      handlers: [
        fleetHealthHandler(),
        http.get('*/api/companies', ({ request }) => {
          const { status } = listParams(request).filter as { status: string };
          if (status === 'Deauthorized') return apiError(502, 'Codat did not answer in time.', { requestId: 'req-dash-1' });
          if (status === 'PendingAuth') return new Promise<never>(() => undefined);
          return listResponse('companies', request, []);
        }),
        ...auditEventsHandlers([]).handlers,
      ],
    });
    const broken = await card('Connections that broke');
    expect(await within(broken).findByText('Codat did not answer in time.')).toBeInTheDocument();
    expect(within(broken).getByRole('button', { name: 'Copy request id req-dash-1' })).toBeInTheDocument();
    expect(within(broken).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(await within(await card('Linked but not syncing')).findByText(/Every linked company synced/)).toBeInTheDocument();
    expect(within(await card('Pending connections to chase')).getByText('Loading companies with pending connections…')).toBeInTheDocument();
    expect(await within(await card('Audit log')).findByText('No staff actions recorded yet.')).toBeInTheDocument();
  });

  describe('fleet health', () => {
    const href = (link: HTMLElement) => decodeURIComponent(link.getAttribute('href')!);

    it('opens support’s dashboard with the four charts, each saying when it was taken and linking to the list behind it', async () => {
      const seen: string[] = [];
      renderApp('/', { role: 'support', handlers: [fleetHealthHandler(fleetHealthFixture(), seen), companiesHandler()] });
      const connections = await card('Connections by status');
      expect(within(connections).getByRole('img', { name: /Latest, 2026-05-03: Linked: 40, Pending auth: 5, Deauthorized: 4/ })).toBeInTheDocument();
      expect(href(within(connections).getByRole('link', { name: 'Deauthorized: 4' }))).toBe('#/companies?filter={"status":"Deauthorized"}');
      expect(connections).toHaveTextContent('Latest snapshot taken');

      const errors = await card('Active errors per day');
      expect(within(errors).getByText('12')).toBeInTheDocument();
      expect(within(errors).getByRole('img', { name: '25 errors over 3 days, at most 12 a day' })).toBeInTheDocument();
      expect(href(within(errors).getByRole('link', { name: 'See the error groups' }))).toBe('#/connection-error-groups?filter={}');

      const incidents = await card('Open probable incidents');
      expect(incidents).toHaveTextContent(/at least 5 companies/);
      expect(within(incidents).getByRole('link', { name: 'QuickBooks Online · 502 · Bad Gateway' })).toHaveAttribute('href', '#/connection-error-groups/a1b2c3d4e5f6a1b2c3d4e5f6/show');
      expect(incidents).toHaveTextContent('8 companies in 24 h against 0.1 a day usually');
      expect(href(within(incidents).getByRole('link', { name: 'See every probable incident' }))).toBe('#/connection-error-groups?filter={"probableIncident":true}');

      const syncs = await card('Syncs stuck or failing');
      expect(within(syncs).getByRole('img', { name: /in the last 24 hours: 30, 1–7 days ago: 5, 7–30 days ago: 2, more than 30 days ago: 1, never: 0/ })).toBeInTheDocument();
      expect(href(within(syncs).getByRole('link', { name: 'Stuck: 3 Linked companies not synced for more than 7 days' }))).toBe(
        '#/companies?filter={"status":"Linked"}&sort=lastSync&order=ASC',
      );
      expect(within(syncs).getByRole('link', { name: 'Failing: 8 Linked connections with an active error, at 8 companies' })).toBeInTheDocument();
      expect(syncs).toHaveTextContent(/Taken .* from the console's mirror of Codat/);
      expect(seen).toEqual(['/api/fleet-health']);
    });

    it('shows finance the connections it bills only, and says when the mirror has not synced yet', async () => {
      const empty = fleetHealthFixture({ refreshedAt: null, connectionsByStatus: { takenAt: null, days: [] } });
      renderApp('/', { role: 'finance', handlers: [fleetHealthHandler(empty), companiesHandler(), ...auditEventsHandlers().handlers] });
      const connections = await card('Connections by status');
      expect(connections).toHaveTextContent('No figures yet: the mirror has not completed a sync.');
      expect(screen.queryByRole('region', { name: 'Open probable incidents' })).not.toBeInTheDocument();
      expect(screen.queryByRole('region', { name: 'Syncs stuck or failing' })).not.toBeInTheDocument();
    });
  });
});
