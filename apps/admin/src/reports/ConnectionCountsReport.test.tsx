import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { BILLABLE_RULE_TEXT, connectionCountsReport } from '../test/fixtures/reports';
import { reportHandlers, reportsFail, reportsHang } from '../test/handlers/reports';
import { renderApp } from '../test/renderApp';
import { server } from '../test/server';

const T = { timeout: 30_000 };

describe('Connection counts report', () => {
  beforeEach(() => {
    localStorage.clear();
    server.events.removeAllListeners();
  });

  it('shows the month’s counts, rule, chart, changes, sandbox, per-company counts and exports', async () => {
    const api = reportHandlers();
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: api.handlers });
    expect(await screen.findByRole('heading', { name: 'October 2026' }, T)).toBeInTheDocument();
    expect(api.months).toContain('2026-10');
    expect(screen.getByText(`Billable candidates: ${BILLABLE_RULE_TEXT}`)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Connections by status: Linked: 30, Pending auth: 12, Deauthorized: 8' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Connections by status, platform and source type' });
    // Header, two platform subtotals, three rows.
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(within(table).getByRole('row', { name: 'Xero subtotal' })).toHaveTextContent('Xero4230');
    expect(screen.getByRole('button', { name: '2 lost' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Changes by platform' })).toHaveTextContent('Xero');
    expect(screen.getByText(/Figures as of the snapshot of 2026-10-31/)).toBeInTheDocument();
    expect(screen.queryByText(/This month is in progress/)).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Sandbox connections' })).toHaveTextContent('Sandbox');
    const companies = await screen.findByRole('table', { name: 'Connections by company' });
    expect(within(companies).getByRole('link', { name: 'Acme Bakery' })).toHaveAttribute('href', '#/companies/11111111-1111-4111-8111-111111111111/show');
    expect(within(companies).getByText('Gone Ltd (deleted)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export counts (CSV)' })).toHaveAttribute('href', '/api/reports/connection-counts/export?month=2026-10');
    expect(screen.getByRole('link', { name: 'Export per-company counts (CSV)' })).toHaveAttribute('href', '/api/reports/connection-counts/companies/export?month=2026-10');
    expect(screen.getByText(/41 companies existed during the month/)).toBeInTheDocument();
    expect(screen.getAllByText(/Exports are complete/).length).toBeGreaterThan(0);
    // The first render also loads the screen's code, slow on a busy machine.
  }, 40_000);

  it('asks for the month, its trend and its close panel once each, at boot before the report renders', async () => {
    const reads: Array<{ path: string; reportShown: boolean }> = [];
    server.events.on('request:start', ({ request }) => {
      const { pathname, search } = new URL(request.url);
      if (!pathname.startsWith('/api/reports/')) return;
      reads.push({ path: `${pathname}${search}`, reportShown: screen.queryByRole('textbox', { name: 'Month' }) !== null });
    });
    renderApp('/reports/connection-counts?month=2026-10&rule=linked-all-month', { role: 'finance', handlers: reportHandlers().handlers });
    expect(await screen.findByRole('region', { name: 'Invoice and month close' }, T)).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: '13-month trend' }, T)).toBeInTheDocument();
    expect(reads.filter((read) => !read.path.includes('/companies'))).toEqual(
      [
        '/api/reports/connection-counts?month=2026-10&rule=linked-all-month',
        '/api/reports/connection-counts/trend?rule=linked-all-month',
        '/api/reports/months/2026-10?rule=linked-all-month',
      ].map((path) => ({ path, reportShown: false })),
    );
  });

  it('shows 13 months as a chart with its table, and opens a month from it', async () => {
    const api = reportHandlers();
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: api.handlers });
    expect(await screen.findByRole('img', { name: /over 13 months\. October 2026: 42 billable candidates/ }, T)).toBeInTheDocument();
    const months = screen.getByRole('table', { name: 'Months' });
    expect(within(months).getAllByRole('row')).toHaveLength(14);
    fireEvent.click(within(months).getByRole('button', { name: 'Open September 2026' }));
    await waitFor(() => expect(api.months).toContain('2026-09'));
  });

  it('picks the billable rule for the report and its exports', async () => {
    const api = reportHandlers();
    renderApp('/reports/connection-counts?month=2026-10&rule=linked-all-month', { role: 'finance', handlers: api.handlers });
    await screen.findByRole('heading', { name: 'October 2026' }, T);
    expect(api.rules).toContain('linked-all-month');
    expect(screen.getByRole('link', { name: 'Export counts (CSV)' })).toHaveAttribute('href', '/api/reports/connection-counts/export?month=2026-10&rule=linked-all-month');
  });

  it('opens the list of lost connections behind the count', async () => {
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: reportHandlers().handlers });
    fireEvent.click(await screen.findByRole('button', { name: '2 lost' }, T));
    const lost = await screen.findByRole('table', { name: 'Lost connections' }, T);
    expect(within(lost).getByRole('link', { name: 'Acme Bakery' })).toBeInTheDocument();
    expect(lost).toHaveTextContent('Xero');
    expect(screen.getByRole('link', { name: 'Export lost connections (CSV)' })).toHaveAttribute('href', expect.stringContaining('/api/reports/connection-counts/changes/export?'));
  });

  it('filters the counts table and says a month in progress is not at its end', async () => {
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: reportHandlers({ report: connectionCountsReport({ inProgress: true }) }).handlers });
    expect(await screen.findByText(/This month is in progress/, {}, T)).toBeInTheDocument();
    expect(screen.getByText(/connections on the latest snapshot/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Filter connections by status, platform and source type'), { target: { value: 'quickbooks' } });
    const table = screen.getByRole('table', { name: 'Connections by status, platform and source type' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('saves an invoiced count, then closes the month', async () => {
    const api = reportHandlers();
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: api.handlers });
    await screen.findByText(/No invoice entered yet/, {}, T);
    fireEvent.change(screen.getByLabelText('Invoiced connections'), { target: { value: '37' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save count' }));
    await waitFor(() => expect(api.sent[0]).toMatchObject({ method: 'PUT', body: { kind: 'count', invoicedCount: 37 } }), T);
    fireEvent.click(screen.getByRole('button', { name: 'Close October 2026' }));
    expect(await screen.findByText(/was closed by finance@console.local/, {}, T)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export closed month pack (CSV)' })).toHaveAttribute('href', '/api/reports/months/2026-10/pack');
  }, 90_000);

  it('changes month with the month picker', async () => {
    const api = reportHandlers();
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: api.handlers });
    const picker = await screen.findByLabelText('Month', {}, T);
    fireEvent.change(picker, { target: { value: '2026-09' } });
    await waitFor(() => expect(api.months).toContain('2026-09'));
    expect(window.location.hash).toBe('#/reports/connection-counts?month=2026-09');
  });

  it('says when the month has no snapshots', async () => {
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: reportHandlers({ report: connectionCountsReport({ snapshots: null, totals: null, rows: [], sandbox: [], changes: null }) }).handlers });
    expect(await screen.findByText(/The mirror took no snapshots in October 2026/, {}, T)).toBeInTheDocument();
  });

  it('says while the month’s figures are being made, offers no export meanwhile, and shows them once made', async () => {
    const beingMade = connectionCountsReport({ beingMade: true, refreshedAt: null, totals: null, rows: [], sandbox: [], changes: null });
    const api = reportHandlers({ report: beingMade });
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: api.handlers });
    expect(await screen.findByText(/The figures of the snapshot of 2026-10-31, taken .*, are being made/, {}, T)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Export counts (CSV)' })).not.toBeInTheDocument();
    expect(screen.queryByText(/The mirror took no snapshots/)).not.toBeInTheDocument();
    const asked = api.months.length;
    server.use(http.get('*/api/reports/connection-counts', () => HttpResponse.json(connectionCountsReport())));
    expect(await screen.findByRole('table', { name: 'Connections by status, platform and source type' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(api.months).toHaveLength(asked);
    expect(screen.getByRole('link', { name: 'Export counts (CSV)' })).toBeInTheDocument();
    expect(screen.queryByText(/are being made/)).not.toBeInTheDocument();
  }, 40_000);

  it('shows a loading state', async () => {
    renderApp('/reports/connection-counts?month=2026-10', { role: 'finance', handlers: reportsHang() });
    expect(await screen.findByText('Loading connection counts for October 2026…', {}, T)).toBeInTheDocument();
  });

  it('shows the BFF error with its request id', async () => {
    renderApp('/reports/connection-counts?month=2026-10', { role: 'admin', handlers: reportsFail() });
    expect(await screen.findByText('Could not load the connection counts', {}, T)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-rep-500' })).toBeInTheDocument();
  });
});

describe('Possible duplicates report', () => {
  beforeEach(() => localStorage.clear());

  it('lists groups with links to the companies and an export link', async () => {
    renderApp('/reports/possible-duplicates', { role: 'finance', handlers: reportHandlers().handlers });
    const group = await screen.findByRole('region', { name: 'Same merchant id: M-1001' }, T);
    expect(within(group).getByRole('link', { name: 'Acme Bakery Ltd' })).toHaveAttribute('href', '#/companies/44444444-4444-4444-8444-444444444444/show');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', '/api/reports/possible-duplicates/export');
  });

  it('says when there are none', async () => {
    renderApp('/reports/possible-duplicates', { role: 'finance', handlers: reportHandlers({ groups: [] }).handlers });
    expect(await screen.findByText(/No possible duplicates/, {}, T)).toBeInTheDocument();
  });

  it('shows the BFF error with its request id', async () => {
    renderApp('/reports/possible-duplicates', { role: 'finance', handlers: reportsFail() });
    expect(await screen.findByText('Could not load possible duplicates', {}, T)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-dup-500' })).toBeInTheDocument();
  });

  it('shows a loading state', async () => {
    renderApp('/reports/possible-duplicates', { role: 'finance', handlers: reportsHang() });
    expect(await screen.findByText('Loading possible duplicates…', {}, T)).toBeInTheDocument();
  });
});
