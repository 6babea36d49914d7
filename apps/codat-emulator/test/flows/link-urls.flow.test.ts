import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company, Connection, Paged } from './codat-json.js';
import { formFor, submit } from './html.js';
import { startFlowEmulator, type FlowEmulator } from './support.js';

// Seed: "Allow your users to access Link" — the company `redirect` opens Hosted Link; a pending
// connection's `linkUrl` (from the company's dataConnections) resumes authorization.
describe('Link URLs over HTTP', () => {
  let emulator: FlowEmulator;
  beforeEach(async () => {
    emulator = await startFlowEmulator();
  });
  afterEach(() => emulator.close());

  it('redirect lists integrations; cancelling records an Active 403; the linkUrl later links it', async () => {
    const { api, open } = emulator;
    const company = (
      await api<Company>('/companies', { method: 'POST', body: { name: 'Superapp' } })
    ).body;
    expect(company.dataConnections).toEqual([]);

    const hostedLink = await open(company.redirect);
    expect(hostedLink.status).toBe(200);
    for (const name of ['Xero', 'QuickBooks Online', 'Sage Accounting', 'Plaid', 'Shopify']) {
      expect(hostedLink.html).toContain(name);
    }

    // The SMB picks Xero, reaches its consent screen and cancels.
    const chosen = await submit(
      formFor(hostedLink.html, company.redirect, { name: 'platformKey', value: 'gbol' }),
    );
    expect(chosen.status).toBe(303);
    const consentUrl = new URL(chosen.headers.get('location')!, company.redirect).toString();
    const consent = await open(consentUrl);
    expect(consent.status).toBe(200);
    expect(
      (await submit(formFor(consent.html, consentUrl, { name: 'decision', value: 'cancel' })))
        .status,
    ).toBe(200);

    const pending = (await api<Company>(`/companies/${company.id}`)).body.dataConnections;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ integrationKey: 'gbol', status: 'PendingAuth' });
    expect(pending[0]!.dataConnectionErrors).toEqual([
      expect.objectContaining({
        statusCode: '403',
        statusText: 'User cancelled linking',
        status: 'Active',
      }),
    ]);

    // Returning customer with a pending connection: send them to its linkUrl.
    const linkUrl = pending[0]!.linkUrl;
    const resumed = await open(linkUrl);
    expect(resumed.status).toBe(200);
    expect(
      (await submit(formFor(resumed.html, linkUrl, { name: 'decision', value: 'authorize' })))
        .status,
    ).toBe(200);

    const connections = (await api<Paged<Connection>>(`/companies/${company.id}/connections`)).body;
    expect(connections.totalResults).toBe(1);
    expect(connections.results[0]).toMatchObject({ id: pending[0]!.id, status: 'Linked' });
    expect(connections.results[0]!.dataConnectionErrors).toEqual([
      expect.objectContaining({
        statusCode: '403',
        status: 'Resolved',
        resolvedOnUtc: expect.any(String),
      }),
    ]);

    // The Hosted Link page now shows the linked connection for the customer to manage.
    expect((await open(company.redirect)).html).toMatch(/Xero: Linked/);
  });

  it('an unknown company redirect is a 404 page', async () => {
    const { url, open } = emulator;
    expect((await open(`${url}/link/company/5b1ccbd3-7c7f-4f6e-8f4e-2e0b6a9d7c11`)).status).toBe(
      404,
    );
  });
});
