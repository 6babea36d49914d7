import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME_ID, BOLT_ID, COBALT_ID } from '../../test/fixtures/companies';
import { companyScenario, liveCompanyFails } from '../../test/handlers/companies';
import { apiError } from '../../test/handlers/simple-rest-list';
import { renderApp } from '../../test/renderApp';

configure({ asyncUtilTimeout: 5000 });

const connection = (name: string) => screen.findByRole('article', { name });

describe('ConnectionsTab', { timeout: 30_000 }, () => {
  beforeEach(() => localStorage.clear());

  it('shows each connection with its logo, status, dates and errors, active before resolved', async () => {
    renderApp(`/companies/${ACME_ID}/show/connections`, { handlers: companyScenario() });
    expect(await screen.findByRole('tab', { name: 'Connections (2)', selected: true })).toBeInTheDocument();
    const qbo = await connection('QuickBooks Online');
    expect(within(qbo).getByRole('img', { name: 'QuickBooks Online logo' })).toBeInTheDocument();
    expect(within(qbo).getByText('Linked')).toBeInTheDocument();
    expect(within(qbo).getByText('Errors: 0 active, 1 resolved')).toBeInTheDocument();
    expect(within(qbo).getByText('resolved 3 days ago')).toBeInTheDocument();
    expect(within(qbo).getByText('errored 10 days ago')).toBeInTheDocument();

    const feeds = await connection('QuickBooks Online Bank Feeds');
    expect(within(feeds).getByText('Pending auth')).toBeInTheDocument();
    expect(within(feeds).getByText('403 User cancelled linking')).toBeInTheDocument();
    expect(within(feeds).getByText('errored 2 h ago')).toBeInTheDocument();
  });

  it('says when a company has no connections', async () => {
    renderApp(`/companies/${COBALT_ID}/show/connections`, { handlers: companyScenario() });
    expect(await screen.findByText(/No connections yet/)).toBeInTheDocument();
  });

  it('shows why the connections could not be loaded', async () => {
    renderApp(`/companies/${ACME_ID}/show/connections`, {
      handlers: [liveCompanyFails('Codat did not answer in time.', 'req-conn-9'), ...companyScenario()],
    });
    const tab = await screen.findByRole('tabpanel');
    expect(await within(tab).findByText('The connections could not be loaded')).toBeInTheDocument();
    expect(within(tab).getByRole('button', { name: 'Copy request id req-conn-9' })).toBeInTheDocument();
    // The header stays, from the mirror, and says Codat could not confirm it.
    expect(screen.getByRole('heading', { level: 1, name: 'Acme Bakery Ltd' })).toBeInTheDocument();
    expect(screen.getByText(/Codat could not be reached to confirm it/)).toBeInTheDocument();
  });

  it('unlinks a Linked connection after saying its data is kept', async () => {
    renderApp(`/companies/${ACME_ID}/show/connections`, { role: 'support', handlers: companyScenario() });
    const user = userEvent.setup();
    const qbo = await connection('QuickBooks Online');
    expect(within(qbo).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(within(await connection('QuickBooks Online Bank Feeds')).queryByRole('button', { name: 'Unlink' })).not.toBeInTheDocument();

    await user.click(await within(qbo).findByRole('button', { name: 'Unlink' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unlink QuickBooks Online?' });
    expect(dialog).toHaveTextContent(/Its data is kept, and the customer can relink it later/);
    await user.click(within(dialog).getByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(screen.getByRole('article', { name: 'QuickBooks Online' })).getByText('Unlinked')).toBeInTheDocument());
  });

  it('deletes a connection (admin) after saying its data goes for good', async () => {
    renderApp(`/companies/${BOLT_ID}/show/connections`, { handlers: companyScenario() });
    const user = userEvent.setup();
    // The connections can arrive before the role's permissions are known: the buttons follow.
    await user.click(await within(await connection('Xero')).findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the Xero connection?' });
    expect(dialog).toHaveTextContent(/removes the connection and all the data synced through it from Codat, for good/);
    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }));
    expect(await screen.findByText(/No connections yet/)).toBeInTheDocument();
  });

  it('keeps the dialog open and shows the reason when unlinking fails', async () => {
    renderApp(`/companies/${ACME_ID}/show/connections`, {
      handlers: [http.post('*/api/connections/:id/unlink', () => apiError(409, 'Only Linked connections can be unlinked.', { requestId: 'req-un-1' })), ...companyScenario()],
    });
    const user = userEvent.setup();
    await user.click(await within(await connection('QuickBooks Online')).findByRole('button', { name: 'Unlink' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Unlink' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only Linked connections can be unlinked.Request id req-un-1');
  });

  it('shows customer success neither unlink nor delete, and finance no new connection', async () => {
    const { unmount } = renderApp(`/companies/${ACME_ID}/show/connections`, { role: 'customer_success', handlers: companyScenario() });
    const qbo = await connection('QuickBooks Online');
    expect(await screen.findByRole('button', { name: 'New connection' })).toBeInTheDocument();
    expect(within(qbo).queryByRole('button', { name: 'Unlink' })).not.toBeInTheDocument();
    expect(within(qbo).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    unmount();

    renderApp(`/companies/${ACME_ID}/show/connections`, { role: 'finance', handlers: companyScenario() });
    await connection('QuickBooks Online');
    expect(screen.queryByRole('button', { name: 'New connection' })).not.toBeInTheDocument();
  });
});
