import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../test/support.js';
import { createCompany } from '../domain/company-lifecycle.js';
import { createConnection } from '../domain/connection-lifecycle.js';
import type { CodatEvent } from '../events.js';

/** Link pages are opened by end users: no API key, form posts, HTML back. */
function linkBrowser() {
  const t = testEmulator();
  const events: CodatEvent[] = [];
  t.emu.events.on((event) => events.push(event));
  const open = (path: string) => t.app.request(`http://emulator.test${path}`);
  const submit = (path: string, fields: Record<string, string>) =>
    t.app.request(`http://emulator.test${path}`, { method: 'POST', body: new URLSearchParams(fields) });
  return { ...t, events, open, submit };
}

function pathOf(location: string | null): string {
  const url = new URL(location ?? '', 'http://emulator.test');
  return url.pathname + url.search;
}

describe('Link pages', () => {
  it('company page lists enabled integrations by source type and starts a connection', async () => {
    const { emu, open, submit } = linkBrowser();
    const company = createCompany(emu, { name: 'Fish & <Chips>' });
    const page = await open(`/link/company/${company.id}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("<h1>Share Fish &amp; &lt;Chips&gt;'s business data</h1>");
    expect(text).toContain('<h2 id="section-Accounting">Accounting software</h2>');
    expect(text).toContain('>Connect Xero</button>');
    expect(text).not.toContain('Connect Partner Commerce'); // disabled
    expect(text).not.toContain('Connect QuickBooks Online Sandbox'); // sandbox, not requested
    expect(await (await open(`/link/company/${company.id}?link.showSandboxIntegrations=true`)).text()).toContain(
      'Connect QuickBooks Online Sandbox',
    );

    const picked = await submit(`/link/company/${company.id}/connections`, { platformKey: 'gbol' });
    expect(picked.status).toBe(303);
    const [connection] = emu.store.connectionsOf(company);
    expect(connection).toMatchObject({ integrationKey: 'gbol', status: 'PendingAuth' });
    expect(pathOf(picked.headers.get('location'))).toBe(`/link-api/companies/${company.id}/connections/${connection!.id}/start`);

    // Picking the same platform again reuses the pending connection.
    await submit(`/link/company/${company.id}/connections`, { platformKey: 'gbol' });
    expect(emu.store.connectionsOf(company)).toHaveLength(1);
    expect((await submit(`/link/company/${company.id}/connections`, { platformKey: 'zzzz' })).status).toBe(404);
  });

  it('authorizes a connection from its start page', async () => {
    const { emu, open, submit, events } = linkBrowser();
    const company = createCompany(emu, { name: 'Auth Co' });
    const connection = createConnection(emu, company, 'exgd');
    const start = `/link-api/companies/${company.id}/connections/${connection.id}/start`;
    const page = await (await open(start)).text();
    expect(page).toContain('<h1>Authorize Stripe</h1>');
    expect(page).toContain('<button type="submit" name="decision" value="authorize">Authorize Stripe</button>');
    expect(page).toContain('>Cancel</button>');

    const result = await submit(start, { decision: 'authorize' });
    expect(result.status).toBe(200);
    const text = await result.text();
    expect(text).toContain('<dt>statusCode</dt><dd>200</dd>');
    expect(connection.status).toBe('Linked');
    expect(events.at(-1)?.eventType).toBe('connection.connected');

    // Opening the link of a linked connection changes nothing (redirect code 201).
    expect(await (await open(start)).text()).toContain('<dt>statusCode</dt><dd>201</dd>');
    expect((await submit(start, { decision: 'maybe' })).status).toBe(400);
  });

  it('records a cancellation as a 403 connection error', async () => {
    const { emu, submit, events } = linkBrowser();
    const company = createCompany(emu, { name: 'Cancel Co' });
    const connection = createConnection(emu, company, 'suuo');
    const result = await submit(`/link-api/companies/${company.id}/connections/${connection.id}/start`, { decision: 'cancel' });
    const text = await result.text();
    expect(text).toContain('<dt>statusCode</dt><dd>403</dd>');
    expect(text).toContain('<dt>errorMessage</dt><dd>User cancelled.</dd>');
    expect(connection.status).toBe('PendingAuth');
    expect(connection.errors).toEqual([expect.objectContaining({ statusCode: '403', status: 'Active' })]);
    expect(events.at(-1)?.eventType).toBe('connection.failed');
  });

  it('requires an unexpired OTP for QBO Bank Feeds links', async () => {
    const { emu, json, open, submit } = linkBrowser();
    const company = createCompany(emu, { name: 'Feeds Co' });
    const connection = createConnection(emu, company, 'hcws');
    const start = `/link-api/companies/${company.id}/connections/${connection.id}/start`;
    expect((await open(start)).status).toBe(401);
    expect((await open(`${start}?otp=000000x`)).status).toBe(401);

    const linkUrl = (await json(`/companies/${company.id}/connections/${connection.id}`)).body.linkUrl as string;
    const fresh = pathOf(linkUrl);
    expect((await open(fresh)).status).toBe(200);
    emu.clock.advance(61 * 60 * 1000);
    const expired = await open(fresh);
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain('<h1>Link expired</h1>');
    expect((await submit(fresh, { decision: 'authorize' })).status).toBe(401);
    expect(connection.status).toBe('PendingAuth');

    const again = pathOf((await json(`/companies/${company.id}/connections/${connection.id}`)).body.linkUrl);
    expect((await submit(again, { decision: 'authorize' })).status).toBe(200);
    expect(connection.status).toBe('Linked');
    expect((await open(again)).status).toBe(401); // one-time
  });

  it('invite URL creates a new company and continues to its Link page', async () => {
    const { emu, open, submit, events } = linkBrowser();
    const invite = `/link/client/${emu.config.clientId}`;
    const form = await (await open(invite)).text();
    expect(form).toContain('<label for="company-name">Company name</label>');

    const rejected = await submit(invite, { companyName: '[]()' });
    expect(rejected.status).toBe(400);
    expect(await rejected.text()).toContain('role="alert"');
    expect(emu.store.companies.size).toBe(0);

    const created = await submit(invite, { companyName: 'New (Shop)' });
    expect(created.status).toBe(303);
    const [company] = emu.store.companies.values();
    expect(company?.name).toBe('New Shop');
    expect(pathOf(created.headers.get('location'))).toBe(`/link/company/${company!.id}`);
    expect(events.map((e) => e.eventType)).toEqual(['company.created']);
    expect((await open(`/link/client/6b113e06-e818-45d7-977b-8e6bb3d01269`)).status).toBe(404);
  });

  it('answers unknown companies and connections with HTML 404 pages', async () => {
    const { emu, open } = linkBrowser();
    const company = createCompany(emu, { name: 'Known' });
    const missingCompany = await open('/link/company/846ed55c-974b-4392-a1f1-87b6fdbf3c5e');
    expect(missingCompany.status).toBe(404);
    expect(missingCompany.headers.get('content-type')).toContain('text/html');
    expect(await missingCompany.text()).toContain('<h1>Page not found</h1>');
    const missingConnection = await open(`/link-api/companies/${company.id}/connections/not-a-uuid/start`);
    expect(missingConnection.status).toBe(404);
    expect(missingConnection.headers.get('content-type')).toContain('text/html');
  });
});
