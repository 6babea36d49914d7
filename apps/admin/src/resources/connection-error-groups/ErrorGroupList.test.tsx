import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { XERO_GROUP_ID } from '../../test/fixtures/error-groups';
import { errorGroupHandlers, errorGroupsFail, errorGroupsHang } from '../../test/handlers/error-groups';
import { renderApp } from '../../test/renderApp';

const T = { timeout: 5000 };

describe('Connection errors', () => {
  beforeEach(() => localStorage.clear());

  it('lists error groups with counts, trend, incident badge and freshness', async () => {
    renderApp('/connection-error-groups', { role: 'support', handlers: errorGroupHandlers().handlers });
    const table = await screen.findByRole('table', { name: 'Connection error groups' }, T);
    const xero = within(table).getByRole('link', { name: 'Xero' }).closest('tr')!;
    expect(xero).toHaveTextContent('503');
    expect(xero).toHaveTextContent('Service Unavailable');
    expect(within(xero).getByText('Probable incident')).toBeInTheDocument();
    expect(within(xero).getByRole('img', { name: /17 errors over 20 days/ })).toBeInTheDocument();
    const qbo = within(table).getByRole('link', { name: 'QuickBooks Online' }).closest('tr')!;
    expect(within(qbo).queryByText('Probable incident')).not.toBeInTheDocument();
    expect(screen.getByText(/Data refreshed at/)).toBeInTheDocument();
    // Support may not export (reports.read).
    expect(screen.queryByRole('link', { name: /Export CSV/ })).not.toBeInTheDocument();
  });

  it('says when there are no active errors', async () => {
    renderApp('/connection-error-groups', { handlers: errorGroupHandlers([]).handlers });
    expect(await screen.findByText(/No active connection errors right now/, {}, T)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Export CSV/ })).toHaveAttribute('href', '/api/connection-error-groups/export');
  });

  it('shows loading while the list is on its way', async () => {
    renderApp('/connection-error-groups', { handlers: errorGroupsHang() });
    expect(await screen.findByText('Loading connection errors…', {}, T)).toBeInTheDocument();
  });

  it('shows the BFF error with its request id', async () => {
    renderApp('/connection-error-groups', { handlers: errorGroupsFail() });
    expect(await screen.findByText('Could not load connection errors', {}, T)).toBeInTheDocument();
    expect(screen.getByText(/The mirror database is not reachable. \(request id req-eg-503\)/)).toBeInTheDocument();
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
