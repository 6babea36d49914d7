import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME_ID } from '../../test/fixtures/companies';
import { companyScenario } from '../../test/handlers/companies';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

configure({ asyncUtilTimeout: 5000 });

describe('CompanyEdit', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    server.events.removeAllListeners();
  });

  it('saves name, merchant id and description, sending the tags along', async () => {
    const bodies: any[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT') bodies.push(await request.clone().json());
    });
    renderApp(`/companies/${ACME_ID}/show`, { role: 'customer_success', handlers: companyScenario() });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Edit' }));
    const name = await screen.findByRole('textbox', { name: /Company name/ });
    expect(name).toHaveValue('Acme Bakery Ltd');
    expect(screen.getByText("The company's other tag is kept.")).toBeInTheDocument();
    await user.type(name, ' (UK)');
    expect(screen.getByText(/Not allowed: “\(” “\)”/)).toBeInTheDocument();
    await user.clear(name);
    await user.click(name);
    await user.paste('Acme Bakery UK Ltd');
    const merchant = screen.getByRole('textbox', { name: 'Merchant id' });
    await user.clear(merchant);
    await user.click(merchant);
    await user.paste('M-1001-UK');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Bakery UK Ltd' })).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({ id: ACME_ID, name: 'Acme Bakery UK Ltd', merchantId: 'M-1001-UK', tags: { merchantId: 'M-1001', region: 'uk' } });
  });
});
