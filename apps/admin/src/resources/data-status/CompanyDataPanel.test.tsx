import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DATA_COMPANY_ID, dataStatusRecords } from '../../test/fixtures/data-status';
import { busyProgress, idleProgress, runningOperation } from '../../test/fixtures/pull-operations';
import { companyConnections } from '../../test/fixtures/source-accounts';
import { dataStatusFails, dataStatusHandlers, dataStatusHangs } from '../../test/handlers/data-status';
import { pullOperationsFail, pullOperationsHandlers, refreshHandlers, syncProgressFails, syncProgressHandler } from '../../test/handlers/pull-operations';
import { companyHandler } from '../../test/handlers/source-accounts';
import { renderPanel } from '../../test/renderPanel';
import { CompanyDataPanel } from './CompanyDataPanel';

const quiet = () => [syncProgressHandler().handler, companyHandler(companyConnections)];
const panel = <CompanyDataPanel companyId={DATA_COMPANY_ID} pollIntervalMs={20} />;

describe('CompanyDataPanel', () => {
  it('shows each data type with its status, last success and how the latest read compares', async () => {
    renderPanel(panel, { role: 'finance', handlers: [...quiet(), ...dataStatusHandlers(), ...pullOperationsHandlers()] });
    const table = await screen.findByRole('table', { name: 'Data status per data type' });
    const bills = within(table).getByRole('row', { name: /bills/ });
    expect(within(bills).getByText('FetchError')).toBeInTheDocument();
    expect(within(bills).getByText('Latest read failed — data is from the last successful read')).toBeInTheDocument();
    expect(within(bills).getByText(/1 May 2026/)).toBeInTheDocument();
    const customers = within(table).getByRole('row', { name: /customers/ });
    expect(within(customers).getByText('Never read successfully')).toBeInTheDocument();
    expect(within(customers).getByText(/must relink/)).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /invoices/ })).toHaveTextContent('Latest read succeeded');
    // Finance may look but not queue refreshes.
    expect(screen.queryByRole('button', { name: 'Refresh all' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh invoices' })).not.toBeInTheDocument();
  });

  it('lists the sync history with connection names, durations and Codat’s error message, filtered and paged', async () => {
    renderPanel(panel, { role: 'support', handlers: [...quiet(), ...dataStatusHandlers(), ...pullOperationsHandlers()] });
    const history = await screen.findByRole('table', { name: 'Sync history' });
    const failed = within(history).getAllByRole('row')[1]!;
    expect(failed).toHaveTextContent('bills');
    expect(failed).toHaveTextContent('Xero');
    expect(failed).toHaveTextContent('12 s');
    expect(failed).toHaveTextContent('The platform returned 503 Service Unavailable while reading bills.');
    expect(within(history).getAllByRole('row')).toHaveLength(11);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Sync history' })).getAllByRole('row')).toHaveLength(3));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'FetchError');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Sync history' })).getAllByRole('row')).toHaveLength(2));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Data type' }), 'invoices');
    expect(await screen.findByText('No syncs match these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('table', { name: 'Sync history' })).toBeInTheDocument();
  });

  it('says so when Codat has read nothing yet', async () => {
    renderPanel(panel, { handlers: [...quiet(), ...dataStatusHandlers([]), ...pullOperationsHandlers([])] });
    expect(await screen.findByText(/Codat has not read any data for this company yet/)).toBeInTheDocument();
    expect(await screen.findByText(/No syncs yet/)).toBeInTheDocument();
  });

  it('shows loading states while the lists load', async () => {
    renderPanel(panel, { handlers: [...quiet(), ...dataStatusHangs(), ...pullOperationsHandlers()] });
    expect(await screen.findByText('Loading data status…')).toBeInTheDocument();
  });

  it('shows failures in words with the request id to quote, and retries', async () => {
    renderPanel(panel, { handlers: [...quiet(), ...dataStatusFails(), ...pullOperationsFail()] });
    expect((await screen.findAllByText('Codat did not answer in time.')).length).toBeGreaterThan(0);
    expect(await screen.findByRole('button', { name: 'Copy request id req-ds-500' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Copy request id req-po-502' })).toBeInTheDocument();
    expect(screen.getByText('Could not load the data status')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(2);
  });

  it('refreshes all data, shows LIVE progress while reads run, then announces completion and reloads the lists', async () => {
    const running = [runningOperation('invoices'), runningOperation('bills', 'Queued', 0)];
    const progress = syncProgressHandler([idleProgress(), busyProgress(running), busyProgress(running.slice(0, 1)), idleProgress()]);
    let finished = false;
    const refresh = refreshHandlers();
    renderPanel(panel, {
      role: 'support',
      handlers: [
        progress.handler,
        companyHandler(companyConnections),
        ...refresh.handlers,
        ...dataStatusHandlers(),
        ...pullOperationsHandlers(() => {
          if (progress.calls >= 4) finished = true;
          return finished ? [{ ...running[0]!, status: 'Complete', running: false }, { ...running[1]!, status: 'FetchError', running: false }] : [];
        }),
      ],
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Refresh all' }));
    expect(refresh.calls).toEqual(['all']);
    expect(await screen.findByText('LIVE')).toBeInTheDocument();
    expect(await screen.findByRole('list', { name: 'Reads in progress' })).toHaveTextContent('invoices: Fetching (40%)');
    const announcement = await screen.findByText(/Sync finished: 2 reads finished, 1 complete, 1 failed \(bills: FetchError\)/);
    expect(announcement.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.queryByText('LIVE')).not.toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Sync history' })).toHaveTextContent('FetchError');
    const polls = progress.calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(progress.calls).toBe(polls);
  });

  it('explains a 409 “already running” in words and watches the running read', async () => {
    const refresh = refreshHandlers({ alreadyRunning: ['invoices'] });
    renderPanel(panel, {
      role: 'support',
      handlers: [
        syncProgressHandler([idleProgress(), busyProgress([runningOperation('invoices')]), idleProgress()]).handler,
        companyHandler(companyConnections),
        ...refresh.handlers,
        ...dataStatusHandlers(dataStatusRecords),
        ...pullOperationsHandlers(),
      ],
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Refresh invoices' }));
    expect(await screen.findByText('Not queued: a read of invoices is already running')).toBeInTheDocument();
    expect(screen.getByText(/Codat reads one data type at a time/)).toHaveTextContent('Request id req-409');
    expect(await screen.findByText(/Sync finished/)).toBeInTheDocument();
  });

  it('says so when a refresh never shows up as running', async () => {
    const progress = syncProgressHandler([idleProgress()]);
    renderPanel(panel, { role: 'admin', handlers: [progress.handler, companyHandler(companyConnections), ...refreshHandlers().handlers, ...dataStatusHandlers(), ...pullOperationsHandlers()] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Refresh all' }));
    expect(await screen.findByText(/No read is running now: Codat finished the refresh at once or has not started it/)).toBeInTheDocument();
    expect(progress.calls).toBe(4);
  });

  it('picks up syncs already running when opened', async () => {
    renderPanel(panel, {
      handlers: [
        syncProgressHandler([busyProgress([runningOperation('bankAccounts', 'Mapping', 70)])]).handler,
        companyHandler(companyConnections),
        ...dataStatusHandlers(),
        ...pullOperationsHandlers(),
      ],
    });
    expect(await screen.findByText('bankAccounts: Mapping (70%), requested', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh all' })).toBeDisabled();
  });

  it('keeps the view and says so when the progress check fails', async () => {
    renderPanel(panel, {
      handlers: [companyHandler(companyConnections), ...dataStatusHandlers(), ...pullOperationsHandlers(), ...syncProgressFails()],
    });
    expect(await screen.findByText(/Live sync progress stopped:/)).toHaveTextContent('Request id req-sp-500');
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
  });
});

