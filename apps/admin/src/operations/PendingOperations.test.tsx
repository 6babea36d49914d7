import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { BOLT_ID } from '../test/fixtures/companies';
import { companyScenario } from '../test/handlers/companies';
import { renderApp } from '../test/renderApp';
import { pendingOperations } from './pendingOperations';

configure({ asyncUtilTimeout: 8000 });

const operation = (state: string, extra: Record<string, unknown> = {}) => ({
  id: 7, action: 'company.create', state, startedAt: '2026-12-05T09:00:00Z', finishedAt: null, companyId: null, companyName: 'Bolt Bikes',
  connectionId: null, sourceAccountId: null, reason: null, checkedInCodat: false, ...extra,
});

describe('actions being checked with Codat', { timeout: 30_000 }, () => {
  beforeEach(() => {
    sessionStorage.clear();
    pendingOperations.dismiss(7);
  });

  it('says an unanswered action may have happened, then shows what Codat had, with a link to it', async () => {
    let checks = 0;
    const status = http.get('*/api/operations/7', () => {
      checks += 1;
      return HttpResponse.json(checks === 1 ? operation('unknown') : operation('ok', { companyId: BOLT_ID, checkedInCodat: true, finishedAt: '2026-12-05T09:00:04Z' }));
    });
    pendingOperations.watch(7);
    renderApp('/companies', { handlers: [status, ...companyScenario()] });
    const region = await screen.findByLabelText('Actions being checked with Codat');
    expect(await within(region).findByText(/may have happened/)).toBeInTheDocument();
    expect(await within(region).findByText('Create company · Bolt Bikes: done')).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Open the company' })).toHaveAttribute('href', `#/companies/${BOLT_ID}/show`);
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByLabelText('Actions being checked with Codat')).not.toBeInTheDocument();
  });

  it('says when it did not happen, so the user can do it again', async () => {
    const status = http.get('*/api/operations/7', () => HttpResponse.json(operation('failed', { reason: 'Codat shows it did not happen.' })));
    pendingOperations.watch(7);
    renderApp('/companies', { handlers: [status, ...companyScenario()] });
    expect(await screen.findByText('Create company · Bolt Bikes: did not happen')).toBeInTheDocument();
    expect(screen.getByText(/Codat shows it did not happen\. You can do it again\./)).toBeInTheDocument();
  });
});
