import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { DATA_COMPANY_ID } from '../../test/fixtures/data-status';
import { BANK_FEED_CONNECTION_ID, companyConnections, v1SourceAccountRecords } from '../../test/fixtures/source-accounts';
import { companyHandler, companyHang, sourceAccountsFail, sourceAccountsHandlers } from '../../test/handlers/source-accounts';
import { renderPanel } from '../../test/renderPanel';
import { CompanyBankFeedsPanel } from './CompanyBankFeedsPanel';

const panel = <CompanyBankFeedsPanel companyId={DATA_COMPANY_ID} />;
const accountsTable = () => screen.findByRole('table', { name: 'Source accounts of QuickBooks Online Bank Feeds' });

describe('CompanyBankFeedsPanel', () => {
  it('lists the source accounts of each bank-feed connection, numbers masked, read-only for finance', async () => {
    const api = sourceAccountsHandlers();
    renderPanel(panel, { role: 'finance', handlers: [companyHandler(), ...api.handlers] });
    const table = await accountsTable();
    const row = within(table).getByRole('row', { name: /Business current account/ });
    for (const text of ['checking', '••••5678', 'Sort code ••-••-56', 'GBP', '£1,250.50', 'connected', '15 Jan 2026']) {
      expect(row).toHaveTextContent(text);
    }
    expect(within(table).getByRole('row', { name: /EUR savings/ })).toHaveTextContent('pending');
    expect(screen.queryByRole('heading', { name: 'Xero' })).not.toBeInTheDocument();
    expect(screen.getByText(/Your role can view source accounts/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Reveal/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add source account/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
  });

  it('says when the company has no bank-feed connection, or a connection has no accounts yet', async () => {
    renderPanel(panel, { handlers: [companyHandler(companyConnections.slice(0, 1))] });
    expect(await screen.findByText(/This company has no bank-feed connections/)).toBeInTheDocument();
    renderPanel(panel, { role: 'support', handlers: [companyHandler(), ...sourceAccountsHandlers([]).handlers] });
    expect(await screen.findByText(/No source accounts on this connection yet. Add the bank accounts to feed/)).toBeInTheDocument();
  });

  it('shows a connection whose accounts cannot be read in words, with the request id', async () => {
    renderPanel(panel, { handlers: [companyHandler(), ...sourceAccountsFail()] });
    expect(await screen.findByText(/Codat found no bank feed/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-sa-404' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it("asks for the source accounts of the mirror's bank-feed connections without waiting for Codat's list", async () => {
    const api = sourceAccountsHandlers();
    const liveHangs = http.get('*/api/companies/:id', ({ request }) =>
      new URL(request.url).searchParams.get('live') === 'true' ? new Promise<never>(() => undefined) : undefined,
    );
    renderPanel(panel, { role: 'finance', handlers: [liveHangs, companyHandler(), ...api.handlers] });
    expect(within(await accountsTable()).getByRole('row', { name: /Business current account/ })).toBeInTheDocument();
  });

  it('shows a loading state', async () => {
    renderPanel(panel, { handlers: [companyHang()] });
    expect(await screen.findByText('Loading bank-feed connections…')).toBeInTheDocument();
  });

  it('reveals a full number on request (the BFF audits it) until hidden', async () => {
    const api = sourceAccountsHandlers();
    renderPanel(panel, { role: 'support', handlers: [companyHandler(), ...api.handlers] });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Reveal the account number of Business current account' }));
    const row = within(await accountsTable()).getByRole('row', { name: /Business current account/ });
    await waitFor(() => expect(row).toHaveTextContent('12345678'));
    expect(row).toHaveTextContent('Sort code 12-34-56');
    expect(api.calls.reveal).toEqual([`${DATA_COMPANY_ID}.${BANK_FEED_CONNECTION_ID}.acc-001`]);
    await user.click(screen.getByRole('button', { name: 'Hide the account number of Business current account' }));
    expect(row).not.toHaveTextContent('12345678');
  });

  it('creates one account: field errors as you type, GBP needs a sort code, the server has the last word', async () => {
    const api = sourceAccountsHandlers();
    renderPanel(panel, { role: 'support', handlers: [companyHandler(), ...api.handlers] });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Add source account' }));
    const dialog = await screen.findByRole('dialog', { name: /Add a source account/ });
    const field = (name: string) => within(dialog).getByRole('textbox', { name: new RegExp(`^${name}`) });

    await user.type(field('Currency'), 'gbp');
    expect(await within(dialog).findByText('Currency must be an ISO 4217 code of three capital letters, such as GBP.')).toBeInTheDocument();
    await user.clear(field('Currency'));
    await user.type(field('Currency'), 'GBP');
    expect(within(dialog).queryByText(/Currency must be/)).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Create source account' }));
    expect(within(dialog).getByText(/Sort code is required for GBP accounts/)).toBeInTheDocument();
    expect(within(dialog).getByText('Account id is required.')).toBeInTheDocument();
    expect(api.calls.create).toHaveLength(0);

    await user.click(field('Account id'));
    await user.paste('acc-003');
    await user.click(field('Account name'));
    await user.paste('Taken by the server');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Account type/ }), 'savings');
    await user.click(field('Account number'));
    await user.paste('87654321');
    await user.type(field('Sort code'), '12-34-5');
    expect(within(dialog).getByText('Sort code must be 6 digits, written 123456 or 12-34-56.')).toBeInTheDocument();
    await user.type(field('Sort code'), '6');
    await user.click(field('Balance'));
    await user.paste('10');
    // The BFF's check (debounced) refuses what the client rules let through.
    expect(await within(dialog).findByText('Account name is refused by the server.')).toBeInTheDocument();
    expect(api.calls.validate.at(-1)).toMatchObject({ companyId: DATA_COMPANY_ID, connectionId: BANK_FEED_CONNECTION_ID, version: 'v2' });

    await user.clear(field('Account name'));
    await user.click(field('Account name'));
    await user.paste('Payroll');
    await user.click(within(dialog).getByRole('button', { name: 'Create source account' }));
    expect(await screen.findByText(/Source account “Payroll” created on QuickBooks Online Bank Feeds/)).toBeInTheDocument();
    expect(api.calls.create[0]).toEqual({
      companyId: DATA_COMPANY_ID,
      connectionId: BANK_FEED_CONNECTION_ID,
      account: { id: 'acc-003', accountName: 'Payroll', accountType: 'savings', accountNumber: '87654321', sortCode: '12-34-56', currency: 'GBP', balance: 10 },
    });
    expect(within(await accountsTable()).getByRole('row', { name: /Payroll/ })).toHaveTextContent('••••4321');
  });

  it('creates several at once through the batch endpoint and shows each row’s outcome', async () => {
    const api = sourceAccountsHandlers();
    renderPanel(panel, { role: 'admin', handlers: [companyHandler(), ...api.handlers] });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Add several at once' }));
    const dialog = await screen.findByRole('dialog', { name: /Add several source accounts/ });
    const fill = async (row: number, values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) {
        const label = `${name}, row ${row}`;
        if (name === 'Account type') await user.selectOptions(within(dialog).getByRole('combobox', { name: label }), value);
        else {
          await user.click(within(dialog).getByRole('textbox', { name: label }));
          await user.paste(value);
        }
      }
    };
    const account = { 'Account type': 'checking', 'Account number': '11112222', Currency: 'EUR', Balance: '0' };
    await fill(1, { 'Account id': 'acc-010', 'Account name': 'Ops', ...account });
    await fill(2, { 'Account id': 'dup-001', 'Account name': 'Duplicate', ...account });
    await user.click(within(dialog).getByRole('button', { name: 'Add row' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove row 3' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create 2 source accounts' }));

    expect(await within(dialog).findByText('1 created, 1 not created. Each row’s outcome is shown in the table.')).toBeInTheDocument();
    const rows = within(within(dialog).getByRole('table')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Created (pending mapping)');
    expect(rows[2]).toHaveTextContent('Not created (409): A bank account already exists with the same Id');
    expect(api.calls.batch[0]).toMatchObject({ companyId: DATA_COMPANY_ID, connectionId: BANK_FEED_CONNECTION_ID, accounts: [{ id: 'acc-010' }, { id: 'dup-001' }] });

    await user.click(within(dialog).getByRole('button', { name: 'Fix the rows that failed' }));
    expect(within(dialog).getByRole('textbox', { name: 'Account id, row 1' })).toHaveValue('dup-001');
    expect(within(dialog).queryByRole('textbox', { name: 'Account id, row 2' })).not.toBeInTheDocument();
  });

  it('edits only the account name of a v2 account and says so', async () => {
    const api = sourceAccountsHandlers();
    renderPanel(panel, { role: 'support', handlers: [companyHandler(), ...api.handlers] });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Edit EUR savings' }));
    const dialog = await screen.findByRole('dialog', { name: /Edit source account EUR savings/ });
    expect(dialog).toHaveTextContent('Codat lets you change only the account name of a v2 source account.');
    expect(within(dialog).getAllByRole('textbox')).toHaveLength(1);
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.clear(within(dialog).getByRole('textbox', { name: /Account name/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Account name/ }), 'EUR reserve');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Source account “EUR reserve” saved.')).toBeInTheDocument();
    expect(api.calls.update[0]!.body).toMatchObject({ accountName: 'EUR reserve', balance: 0, status: 'pending', currency: 'EUR' });
  });

  it('edits a v1 account’s name, balance (not while connected) and status (to disconnected only)', async () => {
    const api = sourceAccountsHandlers(v1SourceAccountRecords);
    renderPanel(panel, { role: 'support', handlers: [companyHandler(), ...api.handlers] });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Edit Business current account' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('the balance while the account is not connected, and the status — to disconnected only');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Balance' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Balance' }), '120.5');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Mark as disconnected' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByText(/saved\./);
    expect(api.calls.update[0]!.body).toMatchObject({ balance: 120.5, status: 'disconnected', version: 'v1' });
  });

  it('asks before deleting, saying the feed stops and the target account stays', async () => {
    const api = sourceAccountsHandlers();
    renderPanel(panel, { role: 'admin', handlers: [companyHandler(), ...api.handlers] });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Delete Business current account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete source account “Business current account”?' });
    expect(dialog).toHaveAccessibleDescription(
      /Deleting a source account disables the bank feed; the target account stays in the customer’s accounting software./,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.calls.remove).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete Business current account' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete source account' }));
    expect(await screen.findByText(/deleted; its bank feed is disabled/)).toBeInTheDocument();
    expect(api.calls.remove).toEqual([`${DATA_COMPANY_ID}.${BANK_FEED_CONNECTION_ID}.acc-001`]);
    await waitFor(async () => expect(within(await accountsTable()).queryByRole('row', { name: /Business current account/ })).not.toBeInTheDocument());
  });
});
