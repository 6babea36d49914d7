import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACME_ID, BOLT_ID, SAGE_ID } from '../../test/fixtures/companies';
import { stubClipboard } from '../../test/fixtures/links';
import { companyScenario, companyWorld } from '../../test/handlers/companies';
import { linkHandlers } from '../../test/handlers/links';
import { apiError } from '../../test/handlers/simple-rest-list';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

configure({ asyncUtilTimeout: 5000 });

/** Counts the Link URL requests the page makes. */
function linkRequests() {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const { pathname } = new URL(request.url);
    if (/(link-url|invite-url)$/.test(pathname)) seen.push(`${request.method} ${pathname}`);
  });
  return seen;
}

const sharePanel = () => screen.findByRole('region', { name: 'Share with the customer' });

/**
 * The clock from midday in the viewer's time zone, running on in real time (timers stay real): an
 * expiry an hour away is then today and one 23 hours away tomorrow, whatever the time the suite
 * runs. Between 23:00 and midnight the hour-away expiry named tomorrow, and these labels failed.
 */
const atMidday = () => vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 5, 10, 12, 0), shouldAdvanceTime: true });

describe('CompanyShow', { timeout: 30_000 }, () => {
  afterEach(() => vi.useRealTimers());
  beforeEach(() => {
    localStorage.clear();
    server.events.removeAllListeners();
  });

  it('shows the overview with copy buttons for the company and connection ids', async () => {
    renderApp(`/companies/${ACME_ID}/show`, { handlers: companyScenario() });
    const user = userEvent.setup();
    const writes = stubClipboard();
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Bakery Ltd' })).toBeInTheDocument();
    expect(screen.getByText('Bakery chain, 12 shops')).toBeInTheDocument();
    expect(screen.getByText('region: uk')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open in Codat Portal/ })).toHaveAttribute('href', `https://app.codat.io/companies/${ACME_ID}/summary`);

    await user.click(screen.getByRole('button', { name: `Copy company id ${ACME_ID}` }));
    await user.click(screen.getByRole('button', { name: /^Copy QuickBooks Online Bank Feeds connection id/ }));
    expect(writes[0]).toBe(ACME_ID);
    expect(writes[1]).toBe('c0000000-0000-4000-8000-000000000002');
  });

  it('reads the company from the mirror and from Codat once each, both asked for at boot, before the page renders', async () => {
    const reads: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const { pathname, search } = new URL(request.url);
      if (request.method === 'GET' && pathname === `/api/companies/${ACME_ID}`) reads.push(search.includes('live=true') ? 'codat' : 'mirror');
    });
    renderApp(`/companies/${ACME_ID}/show/connections`, { handlers: companyScenario() });
    // Both are in flight while the session is read and the page's code loads, before any render.
    await waitFor(() => expect([...reads].sort()).toEqual(['codat', 'mirror']));
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Bakery Ltd' })).toBeInTheDocument();
    expect(await screen.findAllByRole('article')).not.toHaveLength(0);
    expect([...reads].sort()).toEqual(['codat', 'mirror']);
  });

  it('fetches the company Link URL afresh on every copy and puts it on the clipboard', async () => {
    atMidday();
    const world = companyWorld();
    const seen = linkRequests();
    renderApp(`/companies/${BOLT_ID}/show`, { handlers: [...linkHandlers(world, { companyLinksOneTime: true }), ...companyScenario(world)] });
    const user = userEvent.setup();
    const writes = stubClipboard();
    const option = within(await sharePanel()).getByRole('region', { name: 'Company Link URL' });
    expect(seen).toEqual([]);

    await user.click(within(option).getByRole('button', { name: 'Copy link' }));
    expect(await within(option).findByText(/^Company Link URL — expires in 23 h, at \d\d:\d\d on /)).toBeInTheDocument();
    await user.click(within(option).getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(writes).toHaveLength(2));

    expect(seen).toEqual([`POST /api/companies/${BOLT_ID}/link-url`, `POST /api/companies/${BOLT_ID}/link-url`]);
    expect(writes[0]).toMatch(new RegExp(`^https://link.codat.io/company/${BOLT_ID}\\?link.otp=\\d+$`));
    expect(writes[1]).not.toBe(writes[0]);
  });

  it("recommends a pending connection's own link and labels it with its expiry", async () => {
    atMidday();
    renderApp(`/companies/${ACME_ID}/show`, { handlers: companyScenario() });
    const user = userEvent.setup();
    const writes = stubClipboard();
    const panel = await sharePanel();
    const option = await within(panel).findByRole('region', { name: 'QuickBooks Online Bank Feeds link (finish connecting)' });
    expect(within(option).getByText('Recommended')).toBeInTheDocument();
    expect(within(panel).queryByRole('region', { name: /^QuickBooks Online link/ })).not.toBeInTheDocument();

    await user.click(within(option).getByRole('button', { name: 'Copy link' }));
    expect(await within(option).findByText(/^QuickBooks Online Bank Feeds link — expires in 59 min, at \d\d:\d\d$/)).toBeInTheDocument();
    expect(writes[0]).toMatch(/\/start\?otp=\d+$/);

    await user.click(within(option).getByRole('button', { name: 'Copy message' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toMatch(/^Hello,\n\nPlease use this link to finish connecting your QuickBooks Online Bank Feeds account:\nhttps:/);
    expect(within(option).getByRole('textbox', { name: 'Message to send' })).toHaveValue(writes[1]);
  });

  it('offers no link for a Sage Bank Feeds connection and says why', async () => {
    renderApp(`/companies/${SAGE_ID}/show`, { handlers: companyScenario() });
    const panel = await sharePanel();
    expect(await within(panel).findByText(/is authorised inside Sage, not by a link/)).toBeInTheDocument();
    expect(within(panel).queryByRole('region', { name: /Sage Bank Feeds link/ })).not.toBeInTheDocument();
    expect(within(panel).getByRole('region', { name: 'Company Link URL' })).toHaveTextContent('Recommended');
  });

  it('warns that the invite URL creates a new company, and copies it when asked', async () => {
    renderApp(`/companies/${BOLT_ID}/show`, { handlers: companyScenario() });
    const user = userEvent.setup();
    const writes = stubClipboard();
    const panel = await sharePanel();
    await user.click(within(panel).getByRole('button', { name: /Invite URL/ }));
    const option = within(panel).getByRole('region', { name: 'Invite URL (bulk onboarding)' });
    expect(within(option).getByText(/creates a NEW company for every visitor/)).toBeInTheDocument();
    await user.click(within(option).getByRole('button', { name: 'Copy invite URL' }));
    await waitFor(() => expect(writes).toEqual(['https://link.codat.io/client/0f0e0d0c-0b0a-4090-8070-605040302010']));
  });

  it('shows the invite URL as unavailable, with a hint for admins only, when none is configured', async () => {
    const world = companyWorld();
    for (const role of ['admin', 'customer_success'] as const) {
      const seen = linkRequests();
      const view = renderApp(`/companies/${BOLT_ID}/show`, { role, handlers: [...linkHandlers(world, { inviteConfigured: false }), ...companyScenario(world)] });
      const user = userEvent.setup();
      const panel = await sharePanel();
      await user.click(within(panel).getByRole('button', { name: /Invite URL/ }));
      expect(await within(panel).findByText(/no invite URL set up/)).toBeInTheDocument();
      expect(within(panel).getByRole('button', { name: 'Copy invite URL' })).toBeDisabled();
      expect(within(panel).queryByText(/set CODAT_INVITE_URL/) !== null).toBe(role === 'admin');
      expect(seen).not.toContain('GET /api/invite-url');
      view.unmount();
      server.events.removeAllListeners();
    }
  });

  it('says so when a link cannot be fetched, with the request id', async () => {
    renderApp(`/companies/${BOLT_ID}/show`, {
      handlers: [http.post('*/api/companies/:id/link-url', () => apiError(502, 'Codat did not answer in time.', { requestId: 'req-link-1' })), ...companyScenario()],
    });
    const user = userEvent.setup();
    const writes = stubClipboard();
    const option = within(await sharePanel()).getByRole('region', { name: 'Company Link URL' });
    await user.click(within(option).getByRole('button', { name: 'Copy link' }));
    const alert = await within(option).findByRole('alert');
    expect(alert).toHaveTextContent('Codat did not answer in time.Request id req-link-1');
    expect(within(alert).getByRole('button', { name: 'Copy request id req-link-1' })).toBeInTheDocument();
    expect(writes).toEqual([]);
  });

  it('shows finance no Share panel and no edit or delete buttons', async () => {
    renderApp(`/companies/${ACME_ID}/show`, { role: 'finance', handlers: companyScenario() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Bakery Ltd' })).toBeInTheDocument();
    await screen.findByRole('button', { name: /^Copy company id/ });
    expect(screen.queryByRole('region', { name: 'Share with the customer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete company' })).not.toBeInTheDocument();
  });

  it('lets customer success share and edit, but not delete', async () => {
    renderApp(`/companies/${ACME_ID}/show`, { role: 'customer_success', handlers: companyScenario() });
    expect(await sharePanel()).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete company' })).not.toBeInTheDocument();
  });

  it('reads the company and its connections from Codat once for the header, tab and Share panel, beside the mirror\'s copy', async () => {
    const reads: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (request.method === 'GET' && /^\/api\/(companies|connections)/.test(url.pathname)) reads.push(`${url.pathname}${url.search}`);
    });
    renderApp(`/companies/${ACME_ID}/show/connections`, { handlers: companyScenario() });
    await within(await sharePanel()).findByRole('region', { name: 'QuickBooks Online Bank Feeds link (finish connecting)' });
    expect(await screen.findByRole('article', { name: 'QuickBooks Online' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Connections (2)' })).toBeInTheDocument();
    expect(reads.sort()).toEqual([`/api/companies/${ACME_ID}`, `/api/companies/${ACME_ID}?live=true`]);
  });

  it("shows the mirror's copy with its freshness until Codat confirms it", async () => {
    let answerLive: () => void = () => undefined;
    const liveAnswered = new Promise<void>((resolve) => (answerLive = resolve));
    renderApp(`/companies/${ACME_ID}/show`, {
      handlers: [
        http.get('*/api/companies/:id', async ({ request }) => {
          if (new URL(request.url).searchParams.get('live') === 'true') await liveAnswered;
          return undefined;
        }),
        ...companyScenario(),
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Bakery Ltd' })).toBeInTheDocument();
    expect(screen.getByText(/As of the fleet mirror's sync .*; checking with Codat…/)).toBeInTheDocument();
    answerLive();
    await waitFor(() => expect(screen.queryByText(/checking with Codat/)).not.toBeInTheDocument());
  });

  it('shows why the company could not be loaded', async () => {
    renderApp('/companies/00000000-0000-4000-8000-000000000000/show', { handlers: companyScenario() });
    expect(await screen.findByText('The company could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('Codat has no company with this id.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-404' })).toBeInTheDocument();
  });
});
