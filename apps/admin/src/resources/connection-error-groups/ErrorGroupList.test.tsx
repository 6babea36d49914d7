import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorGroups, XERO_GROUP_ID } from '../../test/fixtures/error-groups';
import { errorGroupHandlers, errorGroupsFail, errorGroupsHang } from '../../test/handlers/error-groups';
import { renderApp } from '../../test/renderApp';

// Generous: the list renders the whole console, on machines shared by several test runs.
const T = { timeout: 20_000 };

describe('Connection errors', { timeout: 60_000 }, () => {
  beforeEach(() => localStorage.clear());

  it('lists error groups with counts, trend, incident badge and freshness', async () => {
    renderApp('/connection-error-groups', { role: 'support', handlers: errorGroupHandlers().handlers });
    const table = await screen.findByRole('table', { name: 'Connection error groups' }, T);
    const xero = within(table).getByRole('link', { name: 'Xero' }).closest('tr')!;
    expect(xero).toHaveTextContent('503');
    expect(xero).toHaveTextContent('Service Unavailable');
    expect(within(xero).getByText('Probable incident')).toBeInTheDocument();
    expect(within(xero).getByRole('img', { name: /17 errors over 20 days/ })).toBeInTheDocument();
    expect(within(xero).getAllByText('Service Unavailable')).toHaveLength(1);
    const qbo = within(table).getByRole('link', { name: 'QuickBooks Online' }).closest('tr')!;
    expect(within(qbo).queryByText('Probable incident')).not.toBeInTheDocument();
    expect(within(qbo).getByText('The refresh token has expired.')).toBeInTheDocument();
    expect(screen.getByText(/Data refreshed at/)).toBeInTheDocument();
    // Support may not export (reports.read).
    expect(screen.queryByRole('link', { name: /Export CSV/ })).not.toBeInTheDocument();
  });

  it('says when there are no active errors', async () => {
    renderApp('/connection-error-groups', { handlers: errorGroupHandlers([]).handlers });
    expect(await screen.findByText(/No active connection errors right now/, {}, T)).toBeInTheDocument();
  });

  it('exports what the filters match, in the chosen order', async () => {
    renderApp(`/connection-error-groups?filter=${encodeURIComponent(JSON.stringify({ platform: 'gbol' }))}`, { handlers: errorGroupHandlers().handlers });
    const link = await screen.findByRole('link', { name: /Export CSV/ }, T);
    const query = new URLSearchParams(link.getAttribute('href')!.split('?')[1]);
    expect(JSON.parse(query.get('filter')!)).toEqual({ platform: 'gbol' });
    expect(JSON.parse(query.get('sort')!)).toEqual(['companies', 'DESC']);
    expect(query.has('range')).toBe(false);
  });

  it('reads filters and sort from a shared URL, shows them, and sends them to the BFF', async () => {
    const api = errorGroupHandlers();
    const filter = encodeURIComponent(JSON.stringify({ platform: 'gbol', probableIncident: true, q: 'unavailable' }));
    renderApp(`/connection-error-groups?filter=${filter}&sort=lastSeen&order=DESC`, { role: 'support', handlers: api.handlers });
    const table = await screen.findByRole('table', { name: 'Connection error groups' }, T);
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    const last = api.calls.lists.at(-1)!;
    expect(JSON.parse(last.get('filter')!)).toEqual({ platform: 'gbol', probableIncident: true, q: 'unavailable' });
    expect(JSON.parse(last.get('sort')!)).toEqual(['lastSeen', 'DESC']);
    expect(screen.getByRole('checkbox', { name: 'Probable incidents only' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Status text or message' })).toHaveValue('unavailable');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('lastSeen');
    expect(await screen.findByRole('combobox', { name: 'Platform' }, T)).toHaveTextContent('Xero');
  });

  it('puts status code, incident flag, a last-seen range and the sort into the URL, and lists what matches', async () => {
    const api = errorGroupHandlers();
    renderApp('/connection-error-groups', { role: 'support', handlers: api.handlers });
    const table = await screen.findByRole('table', { name: 'Connection error groups' }, T);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Status code' }), '401');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Xero' })).not.toBeInTheDocument(), T);
    await user.clear(screen.getByRole('combobox', { name: 'Status code' }));
    await user.click(screen.getByRole('checkbox', { name: 'Probable incidents only' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'QuickBooks Online' })).not.toBeInTheDocument(), T);
    await user.type(screen.getByLabelText('Last seen from'), '2026-11-21T00:00');
    const urlQuery = () => new URLSearchParams(window.location.hash.split('?')[1]);
    await waitFor(() => expect(JSON.parse(urlQuery().get('filter')!)).toEqual({ probableIncident: true, lastSeenFrom: new Date('2026-11-21T00:00').toISOString() }), T);
    expect(await screen.findByText(/No connection error group matches these filters/, {}, T)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'trend');
    await waitFor(() => expect(urlQuery().get('sort')).toBe('trend'), T);
    await waitFor(() => expect(JSON.parse(api.calls.lists.at(-1)!.get('sort')!)).toEqual(['trend', 'DESC']), T);
  });

  it('updates the counts while the list is open, without a reload', async () => {
    let companies = 12;
    const api = errorGroupHandlers(() => errorGroups.map((group) => (group.id === XERO_GROUP_ID ? { ...group, companies } : group)));
    renderApp('/connection-error-groups', { role: 'support', handlers: api.handlers });
    const table = await screen.findByRole('table', { name: 'Connection error groups' }, T);
    const xeroCompanies = () => within(within(table).getByRole('link', { name: 'Xero' }).closest('tr')!).getAllByRole('cell')[4];
    expect(xeroCompanies()).toHaveTextContent('12');
    companies = 19;
    await waitFor(() => expect(xeroCompanies()).toHaveTextContent('19'), { timeout: 12_000 });
  });

  it('shows loading while the list is on its way', async () => {
    renderApp('/connection-error-groups', { handlers: errorGroupsHang() });
    expect(await screen.findByText('Loading connection errors…', {}, T)).toBeInTheDocument();
  });

  it('shows the BFF error with its request id', async () => {
    renderApp('/connection-error-groups', { handlers: errorGroupsFail() });
    expect(await screen.findByText('Could not load connection errors', {}, T)).toBeInTheDocument();
    expect(screen.getByText('The mirror database is not reachable.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-eg-503' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('opens a group with its affected companies and adds a note', async () => {
    const api = errorGroupHandlers();
    renderApp(`/connection-error-groups/${XERO_GROUP_ID}/show`, { role: 'support', handlers: api.handlers });
    expect(await screen.findByRole('heading', { name: 'Xero: 503 Service Unavailable' }, T)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Acme Bakery' })).toHaveAttribute('href', '#/companies/11111111-1111-4111-8111-111111111111/show');
    expect(screen.getByText(/Showing the first 1 of 12/)).toBeInTheDocument();
    expect(screen.getByText('Xero confirmed an outage on their status page.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'New note' }), 'Raised with Xero, ticket 42.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('Raised with Xero, ticket 42.')).toBeInTheDocument();
    expect(api.calls.notes[0]).toEqual({ targetType: 'error-group', targetId: XERO_GROUP_ID, text: 'Raised with Xero, ticket 42.' });
  });

  it('does not offer notes to a role that may not write them', async () => {
    renderApp(`/connection-error-groups/${XERO_GROUP_ID}/show`, { role: 'finance', handlers: errorGroupHandlers().handlers });
    expect(await screen.findByRole('heading', { name: 'Xero: 503 Service Unavailable' }, T)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: /Export affected companies/ })).toBeInTheDocument());
    expect(screen.queryByRole('textbox', { name: 'New note' })).not.toBeInTheDocument();
  });

  it('shows the menu entries only to roles that may use them', async () => {
    renderApp('/connection-error-groups', { role: 'customer_success', handlers: errorGroupHandlers().handlers });
    await screen.findByRole('table', { name: 'Connection error groups' }, T);
    expect(screen.getAllByRole('menuitem', { name: /Connection errors/ }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('menuitem', { name: /Reports/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /Mirror syncs/ })).not.toBeInTheDocument();
  });
});
