import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { ACME_ID, BOLT_ID } from '../../test/fixtures/companies';
import { companyScenario, companyWorld } from '../../test/handlers/companies';
import { renderApp } from '../../test/renderApp';
import { apiError } from '../../test/handlers/simple-rest-list';
import { server } from '../../test/server';

configure({ asyncUtilTimeout: 5000 });

/** The bodies of the create requests sent. */
function createBodies() {
  const bodies: unknown[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === '/api/companies') bodies.push(await request.clone().json());
  });
  return bodies;
}

describe('CompanyCreate', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    server.events.removeAllListeners();
  });

  it('points out characters Codat does not allow as they are typed', async () => {
    renderApp('/companies/create', { handlers: companyScenario() });
    const user = userEvent.setup();
    const name = await screen.findByRole('textbox', { name: /Company name/ });
    expect(screen.getByText(/Allowed: letters A–Z, digits, spaces and - ' , & @ \. \? !/)).toBeInTheDocument();
    await user.type(name, 'Acme #1 / Shop');
    expect(screen.getByText(/Not allowed: “#” “\/”\./)).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, "Acme & Sons' Shop!");
    expect(screen.queryByText(/Not allowed/)).not.toBeInTheDocument();
  });

  it('creates a new company and opens it', async () => {
    const bodies = createBodies();
    renderApp('/companies/create', { handlers: companyScenario() });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Company name/ }), 'Zephyr Yachts');
    await user.type(screen.getByRole('textbox', { name: 'Merchant id' }), 'M-9009');
    await user.click(screen.getByRole('button', { name: 'Create company' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Zephyr Yachts' })).toBeInTheDocument();
    expect(bodies).toEqual([{ name: 'Zephyr Yachts', merchantId: 'M-9009' }]);
  });

  it('shows possible duplicates; "Use this one" opens the existing company', async () => {
    renderApp('/companies/create', { handlers: companyScenario() });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Company name/ }), 'Bolt Bikes');
    await user.click(screen.getByRole('button', { name: 'Create company' }));
    const dialog = await screen.findByRole('dialog', { name: 'This customer may already exist' });
    const candidate = within(dialog).getByRole('article', { name: 'Bolt Bikes' });
    expect(within(candidate).getByText('Same name')).toBeInTheDocument();
    expect(within(candidate).getByTitle('Xero: Deauthorized')).toBeInTheDocument();
    expect(within(candidate).getByText(/^Created/)).toBeInTheDocument();
    await user.click(within(candidate).getByRole('button', { name: /^Use this one/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bolt Bikes' })).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/companies/${BOLT_ID}/show`);
  });

  it('"Create anyway" needs a reason and resubmits with it', async () => {
    const world = companyWorld();
    const bodies = createBodies();
    renderApp('/companies/create', { handlers: companyScenario(world) });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Company name/ }), 'Acme Bakery Group');
    await user.type(screen.getByRole('textbox', { name: 'Merchant id' }), 'M-1001');
    await user.click(screen.getByRole('button', { name: 'Create company' }));
    const dialog = await screen.findByRole('dialog', { name: 'This customer may already exist' });
    expect(within(within(dialog).getByRole('article', { name: 'Acme Bakery Ltd' })).getByText('Same merchant id')).toBeInTheDocument();

    const anyway = within(dialog).getByRole('button', { name: 'Create anyway' });
    expect(anyway).toBeDisabled();
    const reason = within(dialog).getByRole('textbox', { name: /Reason for a new company/ });
    await user.type(reason, 'Move');
    expect(anyway).toBeDisabled();
    await user.paste('d from Xero to QuickBooks Online');
    expect(anyway).toBeEnabled();
    await user.click(anyway);

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Bakery Group' })).toBeInTheDocument();
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({
      name: 'Acme Bakery Group',
      merchantId: 'M-1001',
      confirmNewCompany: { reason: 'Moved from Xero to QuickBooks Online', candidateIds: [ACME_ID] },
    });
    expect(world.companies.at(-1)!.name).toBe('Acme Bakery Group');
  });

  it('says a create Codat did not confirm may have happened, sends a retry with the same key, and opens the company once found', async () => {
    const keys: Array<string | null> = [];
    let checks = 0;
    const unknown = http.post('*/api/companies', ({ request }) => {
      keys.push(request.headers.get('Idempotency-Key'));
      return apiError(504, 'Codat did not confirm this in time, so it may have happened.', { code: 'outcome_unknown', details: { operationId: 42 } });
    });
    const operation = http.get('*/api/operations/42', () => {
      checks += 1;
      const settled = checks > 1;
      return HttpResponse.json({
        id: 42, action: 'company.create', state: settled ? 'ok' : 'unknown', startedAt: '2026-12-05T09:00:00Z', finishedAt: settled ? '2026-12-05T09:00:05Z' : null,
        companyId: settled ? BOLT_ID : null, companyName: 'Bolt Bikes', connectionId: null, sourceAccountId: null, reason: null, checkedInCodat: settled,
      });
    });
    renderApp('/companies/create', { handlers: [unknown, operation, ...companyScenario()] });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Company name/ }), 'Slow Codat Bikes');
    await user.click(screen.getByRole('button', { name: 'Create company' }));
    expect(await screen.findByText(/The console is checking with Codat and will open it here/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create company' })).toBeDisabled();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bolt Bikes' }, { timeout: 8000 })).toBeInTheDocument();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is not open to finance', async () => {
    renderApp('/companies', { role: 'finance', handlers: companyScenario() });
    expect(await screen.findByRole('link', { name: 'Acme Bakery Ltd' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New company' })).not.toBeInTheDocument();
  });
});
