import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, listResponse } from '../../test/handlers/simple-rest-list';
import { renderApp } from '../../test/renderApp';
import type { MirrorSyncRecord } from './types';

const T = { timeout: 5000 };

const run = (overrides: Partial<MirrorSyncRecord>): MirrorSyncRecord => ({
  id: 1,
  trigger: 'scheduled',
  status: 'completed',
  holder: 'replica-a',
  startedAt: '2026-11-20T05:00:00.000Z',
  finishedAt: '2026-11-20T05:03:05.000Z',
  durationMs: 185_000,
  pageSize: 100,
  pages: 12,
  lastPage: 12,
  totalResults: 1150,
  companies: 1150,
  connections: 1400,
  changes: 37,
  deletedCompanies: 0,
  resumedCount: 0,
  errors: [],
  longestHoldMs: null,
  ...overrides,
});

const runs = [run({ id: 2, status: 'abandoned', trigger: 'manual', errors: ['Codat answered 429 too often.'], durationMs: 60_000 }), run({})];

const handlers = (records: MirrorSyncRecord[], post = () => HttpResponse.json(run({ id: 3, status: 'running', trigger: 'manual' }), { status: 202 })) => [
  http.get('*/api/mirror-syncs', ({ request }) => listResponse('mirror-syncs', request, records)),
  http.post('*/api/mirror-syncs', post),
];

describe('Mirror syncs', () => {
  beforeEach(() => localStorage.clear());

  it('lists runs with duration, pages, companies, changes and outcome', async () => {
    renderApp('/mirror-syncs', { handlers: handlers(runs) });
    const table = await screen.findByRole('table', { name: 'Mirror sync runs' }, T);
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('2 (manual)');
    expect(rows[1]).toHaveTextContent('Abandoned');
    expect(rows[1]).toHaveTextContent('Codat answered 429 too often.');
    expect(rows[2]).toHaveTextContent('3 min 5 s');
    expect(rows[2]).toHaveTextContent('1150');
    expect(rows[2]).toHaveTextContent('Completed');
    // Not measured on PostgreSQL, where requests do not wait for the sync.
    expect(rows[2]).toHaveTextContent('—');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('warns when the newest completed run held the embedded database for seconds', async () => {
    const held = [run({ id: 4, status: 'running' }), run({ id: 3, companies: 100_000, longestHoldMs: 11_900 }), run({ id: 2, longestHoldMs: 40 })];
    renderApp('/mirror-syncs', { handlers: handlers(held) });
    const notice = await screen.findByRole('alert', {}, T);
    expect(notice).toHaveTextContent("Sync 3 held the console's embedded database (PGlite) for up to 12 s at a time, and requests made meanwhile waited for it");
    expect(notice).toHaveTextContent('For a fleet of 100,000 companies, run the console on PostgreSQL (set DATABASE_URL).');
    const rows = within(screen.getByRole('table', { name: 'Mirror sync runs' })).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('Longest pause');
    expect(rows[2]).toHaveTextContent('12 s');
    expect(rows[3]).toHaveTextContent('40 ms');
  });

  it('says nothing when the newest completed run paused the console for under a second', async () => {
    renderApp('/mirror-syncs', { handlers: handlers([run({ id: 2, longestHoldMs: 900 }), run({ id: 1, longestHoldMs: 30_000 })]) });
    const table = await screen.findByRole('table', { name: 'Mirror sync runs' }, T);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('900 ms');
  });

  it('starts a sync', async () => {
    renderApp('/mirror-syncs', { handlers: handlers(runs) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sync now' }, T));
    expect(await screen.findByText(/Sync 3 started/)).toBeInTheDocument();
  });

  it('shows the 409 when a sync already runs', async () => {
    renderApp('/mirror-syncs', {
      handlers: handlers(runs, () => apiError(409, 'A mirror sync is already running (on this or another replica); its progress is in the list.', { code: 'conflict', requestId: 'req-ms-409' })),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sync now' }, T));
    expect(await screen.findByText('The sync did not start')).toBeInTheDocument();
    expect(screen.getByText(/already running/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-ms-409' })).toBeInTheDocument();
  });

  it('says when no sync has run', async () => {
    renderApp('/mirror-syncs', { handlers: handlers([]) });
    expect(await screen.findByText(/No sync has run yet/, {}, T)).toBeInTheDocument();
  });

  it('shows a loading state', async () => {
    renderApp('/mirror-syncs', { handlers: [http.get('*/api/mirror-syncs', async () => (await delay('infinite'), HttpResponse.json([])))] });
    expect(await screen.findByText('Loading sync runs…', {}, T)).toBeInTheDocument();
  });

  it('shows the BFF error with its request id', async () => {
    renderApp('/mirror-syncs', { handlers: [http.get('*/api/mirror-syncs', () => apiError(500, 'The sync log is unavailable.', { requestId: 'req-ms-500' }))] });
    expect(await screen.findByText('Could not load sync runs', {}, T)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy request id req-ms-500' })).toBeInTheDocument();
  });
});
