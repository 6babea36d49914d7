import { screen, within } from '@testing-library/react';
import { http, type RequestHandler } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, auditEventRecords } from '../test/fixtures/audit-events';
import { auditEventsHandlers } from '../test/handlers/audit-events';
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
    renderApp('/', { role: 'support', handlers: [companiesHandler(companies, requests)] });
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
    renderApp('/', { role: 'customer_success', handlers: [companiesHandler()] });
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
    renderApp('/', { role: 'finance', handlers: [companiesHandler(companies, requests), ...auditEventsHandlers().handlers] });
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
    renderApp('/', { role: 'finance', handlers: [companiesHandler(), ...auditEventsHandlers([outcome, attempt, unresolved, ...auditEventRecords]).handlers] });
    const recent = await within(await card('Audit log')).findByRole('list', { name: 'Recent staff actions' });
    expect(within(recent).getAllByText('support@console.test · companies.create')).toHaveLength(1);
    expect(within(recent).getByText('support@console.test · connections.unlink (no outcome yet)')).toBeInTheDocument();
    expect(within(recent).getAllByRole('listitem')).toHaveLength(5);
  });

  it('shows admins every card', async () => {
    renderApp('/', { role: 'admin', handlers: [companiesHandler(), ...auditEventsHandlers().handlers] });
    for (const title of ['Connections that broke', 'Linked but not syncing', 'Pending connections to chase', 'Audit log', 'Staff accounts']) {
      expect(await card(title)).toBeInTheDocument();
    }
  });

  it('gives each card its own empty, loading and error state', async () => {
    renderApp('/', {
      role: 'admin',
      handlers: [
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
    expect(await within(broken).findByText(/Codat did not answer in time. \(request id req-dash-1\)/)).toBeInTheDocument();
    expect(within(broken).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(await within(await card('Linked but not syncing')).findByText(/Every linked company synced/)).toBeInTheDocument();
    expect(within(await card('Pending connections to chase')).getByText('Loading companies with pending connections…')).toBeInTheDocument();
    expect(await within(await card('Audit log')).findByText('No staff actions recorded yet.')).toBeInTheDocument();
  });
});
