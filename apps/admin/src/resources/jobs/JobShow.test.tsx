import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { listResponse } from '../../test/handlers/simple-rest-list';
import { renderApp } from '../../test/renderApp';
import type { JobItemRecord, JobRecord } from './types';

const T = { timeout: 15_000 };

const job = (overrides: Partial<JobRecord>): JobRecord => ({
  id: 7,
  kind: 'refresh',
  status: 'running',
  dataTypes: 'all',
  selection: { errorGroupId: '13910eb382cbb4c31102269c' },
  createdAt: '2026-12-05T07:00:00.000Z',
  createdByEmail: 'support@console.local',
  startedAt: '2026-12-05T07:00:01.000Z',
  finishedAt: null,
  counts: { pending: 2, attempted: 0, done: 1, skipped: 1, failed: 0, total: 4 },
  progress: 0.5,
  ...overrides,
});

const item = (seq: number, overrides: Partial<JobItemRecord>): JobItemRecord => ({
  id: `7-${seq}`,
  seq,
  companyId: `c${seq}`,
  companyName: `Company ${seq}`,
  connectionIds: ['k1'],
  status: 'pending',
  reason: null,
  pullOperationIds: [],
  alreadyRunning: [],
  finishedAt: null,
  ...overrides,
});

/** The job runs at half way until `finish()`, then the next poll finds it finished. */
function handlers() {
  let finished = false;
  const done = job({ status: 'completed', progress: 1, finishedAt: '2026-12-05T07:00:09.000Z', counts: { pending: 0, attempted: 0, done: 3, skipped: 1, failed: 0, total: 4 } });
  const items = () => [
    item(1, { status: 'done', pullOperationIds: ['p1', 'p2'] }),
    item(2, { status: 'skipped', reason: 'no Linked connection' }),
    item(3, finished ? { status: 'done', pullOperationIds: ['p3'] } : {}),
    item(4, finished ? { status: 'done', pullOperationIds: ['p4'] } : {}),
  ];
  return {
    finish: () => void (finished = true),
    handlers: [
      http.get('*/api/jobs/7', () => HttpResponse.json(finished ? done : job({}))),
      http.get('*/api/jobs/7/items', ({ request }) => listResponse('job-items', request, items())),
    ],
  };
}

describe('a bulk job page', () => {
  beforeEach(() => localStorage.clear());

  it('shows live progress and per-company results until the job finishes', async () => {
    const scenario = handlers();
    renderApp('/jobs/7/show', { role: 'support', handlers: scenario.handlers });
    expect(await screen.findByRole('heading', { name: /Job 7: Refresh of all data for error group/ }, T)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Job progress' })).toHaveAttribute('aria-valuenow', '50');
    expect(await screen.findByRole('button', { name: 'Cancel job' }, T)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Per-company results' }, T);
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('Skippedno Linked connection');
    scenario.finish();

    expect(await screen.findByText(/Finished: 4 of 4 companies/, undefined, T)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Job progress' })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
    const rows = within(await screen.findByRole('table', { name: 'Per-company results' })).getAllByRole('row');
    await within(rows[4]!).findByText('1 read(s) queued', undefined, T);
  }, 40_000);

  it('offers no cancel to customer success, who may not queue refreshes', async () => {
    renderApp('/jobs/7/show', { role: 'customer_success', handlers: handlers().handlers });
    await screen.findByRole('heading', { name: /Job 7/ }, T);
    expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
  });

  it('cancels a running job', async () => {
    let cancelled = false;
    renderApp('/jobs/7/show', {
      role: 'support',
      handlers: [
        http.get('*/api/jobs/7', () => HttpResponse.json(job(cancelled ? { status: 'cancelled' } : {}))),
        http.get('*/api/jobs/7/items', ({ request }) => listResponse('job-items', request, [])),
        http.post('*/api/jobs/7/cancel', () => ((cancelled = true), HttpResponse.json(job({ status: 'cancelled' })))),
      ],
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Cancel job' }, T));
    expect(await screen.findByRole('button', { name: 'Resume job' }, T)).toBeInTheDocument();
    expect(cancelled).toBe(true);
  });
});
