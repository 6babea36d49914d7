import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME_ID, BOLT_ID } from '../test/fixtures/companies';
import { companiesFail, companyScenario } from '../test/handlers/companies';
import { renderApp } from '../test/renderApp';
import { server } from '../test/server';

configure({ asyncUtilTimeout: 5000 });

/** The `q` of every companies request. */
function searches() {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/companies' && url.searchParams.get('filter')) seen.push(JSON.parse(url.searchParams.get('filter')!).q);
  });
  return seen;
}

async function openWithShortcut() {
  renderApp('/companies', { handlers: companyScenario() });
  const user = userEvent.setup();
  await screen.findByRole('link', { name: 'Acme Bakery Ltd' });
  await user.keyboard('{Control>}k{/Control}');
  const dialog = await screen.findByRole('dialog', { name: 'Find a company' });
  return { user, dialog, input: within(dialog).getByRole('combobox', { name: /Name, company id, connection id, merchant id or Portal URL/ }) };
}

describe('GlobalSearch', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    server.events.removeAllListeners();
  });

  it('opens with Ctrl+K, finds a company by merchant id, and Enter opens it', async () => {
    const seen = searches();
    const { user, dialog, input } = await openWithShortcut();
    expect(input).toHaveFocus();
    await user.type(input, 'M-2002');
    const option = await within(dialog).findByRole('option', { name: /Bolt Bikes/ });
    expect(option).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', option.id);
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 company found');
    expect(seen).toContain('M-2002');
    expect(seen).not.toContain('M-20');

    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bolt Bikes' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Find a company' })).not.toBeInTheDocument();
    expect(window.location.hash).toBe(`#/companies/${BOLT_ID}/show`);
  });

  it('takes the company id out of a pasted Codat Portal URL', async () => {
    const seen = searches();
    const { user, dialog, input } = await openWithShortcut();
    await user.click(input);
    await user.paste(`https://app.codat.io/companies/${ACME_ID}/summary`);
    expect(within(dialog).getByText(`Company id from the URL: ${ACME_ID}`)).toBeInTheDocument();
    expect(await within(dialog).findByRole('option', { name: /Acme Bakery Ltd/ })).toBeInTheDocument();
    expect(seen.at(-1)).toBe(ACME_ID);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Bakery Ltd' })).toBeInTheDocument();
  });

  it('moves through the results with the arrow keys', async () => {
    const { user, dialog, input } = await openWithShortcut();
    await user.type(input, 'e');
    await waitFor(() => expect(within(dialog).getAllByRole('option')).toHaveLength(5));
    expect(within(dialog).getByRole('status')).toHaveTextContent('5 companies found');
    await user.keyboard('{ArrowDown}');
    const second = within(dialog).getAllByRole('option')[1]!;
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', second.id);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(within(dialog).getAllByRole('option').at(-1)).toHaveAttribute('aria-selected', 'true');
  });

  it('opens from the app bar button and explains text it cannot search for', async () => {
    const seen = searches();
    renderApp('/companies', { handlers: companyScenario() });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Search/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Find a company' });
    await user.type(within(dialog).getByRole('combobox'), 'a=b');
    expect(within(dialog).getByText('Search text may not contain “=”.')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen.filter((q) => q !== undefined && q.includes('='))).toEqual([]);
  });

  it('says when nothing matches, and when the search fails', async () => {
    renderApp('/companies', { handlers: companyScenario() });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Acme Bakery Ltd' });
    await user.keyboard('{Meta>}k{/Meta}');
    const dialog = await screen.findByRole('dialog', { name: 'Find a company' });
    await user.type(within(dialog).getByRole('combobox'), 'zzz');
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('No company matches “zzz”.'));

    server.use(...companiesFail('Codat did not answer in time.', 'req-search-1'));
    await user.type(within(dialog).getByRole('combobox'), 'q');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The search failedCodat did not answer in time.Request id req-search-1');
    expect(within(alert).getByRole('button', { name: 'Copy request id req-search-1' })).toBeInTheDocument();
  });
});
