import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { companiesFail, companiesHang, companyScenario, companyWorld } from '../../test/handlers/companies';
import { renderApp } from '../../test/renderApp';
import { listResponse } from '../../test/handlers/simple-rest-list';
import { server } from '../../test/server';

/** The query of every companies list request the page makes. */
function listRequests() {
  const seen: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/companies') seen.push(url.searchParams);
  });
  return seen;
}

// Lazy screens are transformed on first use; give a busy machine time.
configure({ asyncUtilTimeout: 5000 });

describe('CompanyList', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    server.events.removeAllListeners();
  });

  it('lists companies with platforms as status pills, "+N" beyond four and an error badge', async () => {
    renderApp('/companies', { handlers: companyScenario() });
    const acme = (await screen.findByRole('link', { name: 'Acme Bakery Ltd' })).closest('tr')!;
    expect(within(acme).getByText('M-1001')).toBeInTheDocument();
    expect(within(acme).getByTitle('QuickBooks Online: Linked')).toBeInTheDocument();
    expect(within(acme).getByTitle('QuickBooks Online Bank Feeds: Pending auth')).toBeInTheDocument();
    expect(within(acme).getByText('1 error')).toBeInTheDocument();

    const delta = screen.getByRole('link', { name: 'Delta Dental' }).closest('tr')!;
    expect(within(delta).getByText('+2')).toBeInTheDocument();
    const bolt = screen.getByRole('link', { name: 'Bolt Bikes' }).closest('tr')!;
    expect(within(bolt).getByTitle('Xero: Deauthorized')).toBeInTheDocument();
    const cobalt = screen.getByRole('link', { name: 'Cobalt Coffee' }).closest('tr')!;
    expect(within(cobalt).getByText('No connections')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Last sync/ })).toBeInTheDocument();
    // Permission-gated: it may show just after the companies, which boot asked for first.
    expect(await screen.findByRole('link', { name: 'New company' })).toBeInTheDocument();
  });

  it('says when a search matched more companies than it counts (X-Search-Capped), and not otherwise', async () => {
    const world = companyWorld();
    const capped = http.get('*/api/companies', ({ request }) => {
      const answer = listResponse('companies', request, world.companies, { q: () => true });
      answer.headers.set('Content-Range', `companies 0-${world.companies.length - 1}/1000`);
      answer.headers.set('X-Search-Capped', '1000');
      return answer;
    });
    renderApp(`/companies?filter=${encodeURIComponent(JSON.stringify({ q: 'e' }))}`, { handlers: [capped, ...companyScenario(world)] });
    expect(await screen.findByText(/More than 1,000 companies match: showing the first 1,000/)).toBeInTheDocument();
  });

  it('shows no cap notice for an ordinary search', async () => {
    renderApp(`/companies?filter=${encodeURIComponent(JSON.stringify({ q: 'Bolt' }))}`, { handlers: companyScenario() });
    expect(await screen.findByRole('link', { name: 'Bolt Bikes' })).toBeInTheDocument();
    expect(screen.queryByText(/companies match: showing the first/)).not.toBeInTheDocument();
  });

  it('opens a company from its row', async () => {
    renderApp('/companies', { handlers: companyScenario() });
    await userEvent.setup().click(await screen.findByRole('link', { name: 'Bolt Bikes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bolt Bikes' })).toBeInTheDocument();
  });

  it('says when there are no companies yet', async () => {
    const world = companyWorld();
    world.companies = [];
    renderApp('/companies', { handlers: companyScenario(world) });
    expect(await screen.findByText('No companies yet')).toBeInTheDocument();
  });

  it('says when filters match nothing, and clears them', async () => {
    renderApp('/companies?filter=%7B%22q%22%3A%22nobody%22%7D', { handlers: companyScenario() });
    expect(await screen.findByText('No companies match these filters')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'Acme Bakery Ltd' })).toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    renderApp('/companies', { handlers: [...companiesHang(), ...companyScenario()] });
    expect(await screen.findByText('Loading companies…')).toBeInTheDocument();
  });

  it('shows the error with the request id to quote', async () => {
    renderApp('/companies', { handlers: [...companiesFail('Codat did not answer in time.', 'req-co-502'), ...companyScenario()] });
    expect(await screen.findByText('The companies could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('Codat did not answer in time.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-co-502' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('asks for its first page once, at boot before the list renders, with the sort and page size kept from the last visit', async () => {
    localStorage.setItem('RaStore.companies.listParams', JSON.stringify({ filter: {}, sort: 'created', order: 'DESC', page: 1, perPage: 10 }));
    const reads: Array<{ sort: string | null; range: string | null; listShown: boolean }> = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (request.method !== 'GET' || url.pathname !== '/api/companies') return;
      const listShown = screen.queryByRole('textbox', { name: 'Search companies' }) !== null;
      reads.push({ sort: url.searchParams.get('sort'), range: url.searchParams.get('range'), listShown });
    });
    renderApp('/companies', { handlers: companyScenario() });
    expect(await screen.findByRole('link', { name: 'Delta Dental' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Rows per page:' })).toHaveTextContent('10');
    expect(reads).toEqual([{ sort: '["created","DESC"]', range: '[0,9]', listShown: false }]);
  });

  it('reads status, platform, sort and page from the URL and sends them to the BFF', async () => {
    const seen = listRequests();
    const filter = encodeURIComponent(JSON.stringify({ status: 'Linked', platform: 'gbol' }));
    renderApp(`/companies?filter=${filter}&sort=created&order=DESC&page=1&perPage=10`, { handlers: companyScenario() });
    expect(await screen.findByRole('link', { name: 'Delta Dental' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Bolt Bikes' })).not.toBeInTheDocument();
    const last = seen.at(-1)!;
    expect(JSON.parse(last.get('filter')!)).toEqual({ status: 'Linked', platform: 'gbol' });
    expect(JSON.parse(last.get('sort')!)).toEqual(['created', 'DESC']);
    expect(JSON.parse(last.get('range')!)).toEqual([0, 9]);
    expect(screen.getByRole('combobox', { name: 'Connection status' })).toHaveTextContent('Linked');
    expect(await screen.findByRole('combobox', { name: 'Platform' })).toHaveTextContent('Xero');
  });

  it('puts the search text and status filter into the URL', async () => {
    renderApp('/companies', { handlers: companyScenario() });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Search companies' }), 'bolt');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Acme Bakery Ltd' })).not.toBeInTheDocument());
    await user.click(screen.getByRole('combobox', { name: 'Connection status' }));
    await user.click(await screen.findByRole('option', { name: 'Deauthorized' }));
    await waitFor(() => {
      const query = new URLSearchParams(window.location.hash.split('?')[1]);
      expect(JSON.parse(query.get('filter')!)).toEqual({ q: 'bolt', status: 'Deauthorized' });
    });
    expect(screen.getByRole('link', { name: 'Bolt Bikes' })).toBeInTheDocument();
  });

  describe('bulk refresh over the filter', () => {
    const deauthorized = `/companies?filter=${encodeURIComponent(JSON.stringify({ status: 'Deauthorized' }))}`;

    it('queues one job for every company the filter matches, sending the filter (not the page) with an Idempotency-Key, then opens the job', async () => {
      const posted: Array<{ body: unknown; key: string | null }> = [];
      const jobs = [
        http.post('*/api/jobs', async ({ request }) => {
          posted.push({ body: await request.json(), key: request.headers.get('Idempotency-Key') });
          return HttpResponse.json({ id: 7 }, { status: 201 });
        }),
        http.get('*/api/jobs/7', () => HttpResponse.json({ id: 7 })),
      ];
      renderApp(deauthorized, { role: 'support', handlers: [...jobs, ...companyScenario()] });
      await screen.findByRole('link', { name: 'Bolt Bikes' }, { timeout: 20_000 });
      const outreach = await screen.findByRole('link', { name: 'Export outreach list of all matches, with relink URLs (CSV)' });
      expect(decodeURIComponent(outreach.getAttribute('href')!)).toBe('/api/companies/outreach/export?filter={"status":"Deauthorized"}');
      await userEvent.click(await screen.findByRole('button', { name: 'Refresh all matching companies' }));
      expect(screen.getByText(/Refresh every company matching this filter \(1, not only this page\)\?/)).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Queue the refreshes' }));
      await waitFor(() => expect(window.location.hash).toBe('#/jobs/7/show'));
      expect(posted).toHaveLength(1);
      expect(posted[0]!.body).toEqual({ kind: 'refresh', dataTypes: 'all', companyFilter: { status: 'Deauthorized' } });
      expect(posted[0]!.key).toMatch(/.+/);
    });

    it('is not offered without a filter, nor to customer success, who may not queue a refresh (but exports the outreach list)', async () => {
      renderApp('/companies', { role: 'support', handlers: companyScenario() });
      await screen.findByRole('link', { name: 'Bolt Bikes' });
      expect(screen.queryByRole('button', { name: 'Refresh all matching companies' })).not.toBeInTheDocument();

      cleanup();
      renderApp(deauthorized, { role: 'customer_success', handlers: companyScenario() });
      await screen.findByRole('link', { name: 'Bolt Bikes' });
      expect(screen.queryByRole('button', { name: 'Refresh all matching companies' })).not.toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Export outreach list of all matches, with relink URLs (CSV)' })).toBeInTheDocument();
    });
  });
});
