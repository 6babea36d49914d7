import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACME_ID } from '../../test/fixtures/companies';
import { companyScenario, companyWorld } from '../../test/handlers/companies';
import { renderApp } from '../../test/renderApp';

configure({ asyncUtilTimeout: 5000 });

describe('DeleteCompanyDialog', { timeout: 30_000 }, () => {
  beforeEach(() => localStorage.clear());

  it('deletes only once the exact company name is typed, then returns to the list', async () => {
    const world = companyWorld();
    renderApp(`/companies/${ACME_ID}/show`, { handlers: companyScenario(world) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete company' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Acme Bakery Ltd?' });
    expect(dialog).toHaveTextContent('its 2 connections and all the data synced through them');
    expect(dialog).toHaveTextContent('cannot be undone');

    const confirm = within(dialog).getByRole('button', { name: 'Delete company' });
    const name = within(dialog).getByRole('textbox', { name: 'Type the company name to confirm' });
    expect(confirm).toBeDisabled();
    await user.click(name);
    await user.paste('acme bakery ltd');
    expect(confirm).toBeDisabled();
    await user.clear(name);
    await user.paste('Acme Bakery Ltd ');
    expect(confirm).toBeDisabled();
    await user.type(name, '{Backspace}');
    expect(confirm).toBeEnabled();

    await user.click(confirm);
    expect(await screen.findByRole('link', { name: 'Bolt Bikes' })).toBeInTheDocument();
    expect(world.companies.some((company) => company.id === ACME_ID)).toBe(false);
  });

  it('is not offered to support', async () => {
    renderApp(`/companies/${ACME_ID}/show`, { role: 'support', handlers: companyScenario() });
    expect(await screen.findByRole('link', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete company' })).not.toBeInTheDocument();
  });
});
