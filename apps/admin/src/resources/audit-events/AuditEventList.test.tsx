import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEventsFail, auditEventsHandlers, auditEventsHang } from '../../test/handlers/audit-events';
import { renderApp } from '../../test/renderApp';

const exportHref = () => screen.getByRole('link', { name: /Export CSV/ }).getAttribute('href')!;
const exportFilter = () => JSON.parse(decodeURIComponent(exportHref().split('filter=')[1]!));
const urlFilter = () => JSON.parse(new URLSearchParams(window.location.hash.split('?')[1]).get('filter') ?? '{}');

describe('Audit log', () => {
  // react-admin remembers list filters in localStorage; each test starts from its own URL.
  beforeEach(() => localStorage.clear());

  it('lists who did what, to which company, how it ended, with copyable request and Codat correlation ids', async () => {
    const api = auditEventsHandlers();
    renderApp('/audit-events', { role: 'finance', handlers: api.handlers });
    const refused = (await screen.findByText('companies.delete', {}, { timeout: 5000 })).closest('tr')!;
    expect(refused).toHaveTextContent('cs@console.test');
    expect(refused).toHaveTextContent('Customer success');
    expect(refused).toHaveTextContent('Refused');
    expect(refused).toHaveTextContent('Your role may not delete companies');
    expect(within(refused).getByRole('link', { name: 'Bakery Ltd' })).toHaveAttribute('href', expect.stringContaining('/companies/'));
    const reveal = screen.getByText('source-accounts.reveal').closest('tr')!;
    expect(reveal).toHaveTextContent('source account acc-001');
    expect(within(reveal).getByRole('button', { name: /Copy Codat correlation id codat-corr-77/ })).toBeInTheDocument();
    expect(within(reveal).getByRole('button', { name: /Copy request id req-/ })).toBeInTheDocument();
    expect(screen.getByText(/the export is complete, not capped. The export itself is recorded in the audit log/)).toBeInTheDocument();
  });

  it('filters by a time range, kept in the URL as ISO timestamps', async () => {
    const api = auditEventsHandlers();
    renderApp('/audit-events', { role: 'finance', handlers: api.handlers });
    const from = await screen.findByLabelText('From', {}, { timeout: 5000 });
    const user = userEvent.setup();
    await user.type(from, '2026-05-03T09:00');
    await waitFor(() => expect(urlFilter().from).toBe(new Date('2026-05-03T09:00').toISOString()));
    expect(await screen.findByText('source-accounts.reveal')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('auth.login')).not.toBeInTheDocument());
    expect(exportFilter()).toEqual({ from: new Date('2026-05-03T09:00').toISOString() });
  });

  it('reads filters from the URL, keeps typed filters there, and the export link carries them', async () => {
    const api = auditEventsHandlers();
    const filter = { action: 'source-accounts.reveal' };
    renderApp(`/audit-events?filter=${encodeURIComponent(JSON.stringify(filter))}`, { role: 'admin', handlers: api.handlers });
    expect(await screen.findByText('source-accounts.reveal')).toBeInTheDocument();
    expect(screen.queryByText('companies.delete')).not.toBeInTheDocument();
    expect(api.requests.at(-1)).toEqual(filter);
    expect(exportFilter()).toEqual(filter);
    expect(exportHref()).toMatch(/^\/api\/audit-events\/export\?filter=/);

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Actor (email or staff id)' }), 'support@');
    await waitFor(() => expect(urlFilter()).toEqual({ action: 'source-accounts.reveal', actor: 'support@' }));
    await waitFor(() => expect(exportFilter()).toEqual({ action: 'source-accounts.reveal', actor: 'support@' }));
    expect(api.requests.at(-1)).toEqual({ action: 'source-accounts.reveal', actor: 'support@' });
  });

  it('keeps half-typed company ids and actions out of the filter, with a hint', async () => {
    const api = auditEventsHandlers();
    renderApp('/audit-events', { role: 'finance', handlers: api.handlers });
    const user = userEvent.setup();
    const companyId = await screen.findByRole('textbox', { name: 'Company id' }, { timeout: 5000 });
    await user.type(companyId, '5b7c9e1a');
    expect(await screen.findByText('Paste the whole company id (a UUID)')).toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Action' }), 'Staff');
    expect(screen.getByText('Actions are lower case, like staff.update')).toBeInTheDocument();
    expect(urlFilter()).toEqual({});
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'refused');
    await waitFor(() => expect(api.requests.at(-1)).toEqual({ outcome: 'refused' }));
  });

  it('says when filters match nothing', async () => {
    renderApp(`/audit-events?filter=${encodeURIComponent(JSON.stringify({ actor: 'nobody' }))}`, { role: 'finance', handlers: auditEventsHandlers().handlers });
    expect(await screen.findByText(/No entries match these filters/)).toBeInTheDocument();
  });

  it('shows an empty log in words', async () => {
    renderApp('/audit-events', { role: 'finance', handlers: auditEventsHandlers([]).handlers });
    expect(await screen.findByText(/No audit entries yet/)).toBeInTheDocument();
  });

  it('shows a loading state', async () => {
    renderApp('/audit-events', { role: 'finance', handlers: auditEventsHang() });
    expect(await screen.findByText('Loading the audit log…')).toBeInTheDocument();
  });

  it('shows a failure in words with the request id', async () => {
    renderApp('/audit-events', { role: 'finance', handlers: auditEventsFail() });
    expect(await screen.findByText('Could not load the audit log')).toBeInTheDocument();
    expect(screen.getAllByText('The audit log database is not reachable right now.').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Copy request id req-audit-503' })).toBeInTheDocument();
  });

  it('is not offered to customer success: the access-denied page, once signed in, and no request', async () => {
    const api = auditEventsHandlers();
    renderApp('/audit-events', { role: 'customer_success', handlers: api.handlers });
    expect(await screen.findByText('Customer success')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Access denied' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Companies' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Audit log' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Export CSV/ })).not.toBeInTheDocument();
    expect(api.requests).toEqual([]);
  });
});
