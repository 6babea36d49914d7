import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME_ID, COBALT_ID } from '../../test/fixtures/companies';
import { stubClipboard } from '../../test/fixtures/links';
import { companyScenario, companyWorld } from '../../test/handlers/companies';
import { integrationsFail } from '../../test/handlers/integrations';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

configure({ asyncUtilTimeout: 5000 });

async function openPicker(companyId: string, handlers = companyScenario()) {
  renderApp(`/companies/${companyId}/show/connections`, { role: 'customer_success', handlers });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'New connection' }));
  return { user, dialog: await screen.findByRole('dialog', { name: /^New connection for/ }) };
}

describe('NewConnectionDialog', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    server.events.removeAllListeners();
  });

  it('groups enabled integrations by source type, with logos, and filters them as you type', async () => {
    const { user, dialog } = await openPicker(COBALT_ID);
    for (const group of ['Accounting', 'Bank feeds', 'Banking', 'Commerce']) {
      expect(await within(dialog).findByRole('heading', { name: group })).toBeInTheDocument();
    }
    expect(within(dialog).getByRole('radio', { name: 'Xero' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('radio', { name: 'MYOB Business' })).not.toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: 'Search integrations' }), 'quick');
    expect(within(dialog).getByRole('radio', { name: 'QuickBooks Online' })).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'QuickBooks Online Bank Feeds' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('radio', { name: 'Xero' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('heading', { name: 'Commerce' })).not.toBeInTheDocument();
  });

  it('creates the connection, then copies its freshly fetched link', async () => {
    const world = companyWorld();
    const posts: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts.push(new URL(request.url).pathname);
    });
    const { user, dialog } = await openPicker(COBALT_ID, companyScenario(world));
    const writes = stubClipboard();
    const create = within(dialog).getByRole('button', { name: 'Create connection' });
    expect(create).toBeDisabled();
    await user.click(await within(dialog).findByRole('radio', { name: 'Shopify' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create Shopify connection' }));

    const created = await screen.findByRole('dialog', { name: 'Shopify connection created' });
    expect(posts).toEqual(['/api/connections']);
    expect(created).toHaveTextContent('Pending auth until the customer authorises it');
    await user.click(within(created).getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    const connection = world.connections.at(-1)!;
    expect(posts.at(-1)).toBe(`/api/connections/${connection.id}/link-url`);
    expect(writes[0]).toBe(`https://link-api.codat.io/companies/${COBALT_ID}/connections/${connection.connectionId}/start`);

    await user.click(within(created).getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('article', { name: 'Shopify' })).toBeInTheDocument();
  });

  it('warns before a second connection to the same platform', async () => {
    const { user, dialog } = await openPicker(ACME_ID);
    await user.click(await within(dialog).findByRole('radio', { name: 'QuickBooks Online' }));
    expect(within(dialog).getByText(/already has a QuickBooks Online connection \(Linked\)/)).toBeInTheDocument();
  });

  it('says why the integrations could not be loaded', async () => {
    const { dialog } = await openPicker(COBALT_ID, [...integrationsFail('Codat did not answer in time.', 'req-int-7'), ...companyScenario()]);
    expect(await within(dialog).findByRole('button', { name: 'Copy request id req-int-7' })).toBeInTheDocument();
  });
});
