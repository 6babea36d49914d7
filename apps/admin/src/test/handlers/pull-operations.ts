import { http, HttpResponse } from 'msw';
import type { PullOperationRecord, SyncProgress } from '../../resources/pull-operations/types';
import { pullOperationRecords, idleProgress } from '../fixtures/pull-operations';
import { apiError, listResponse } from './simple-rest-list';

/** `GET /api/pull-operations` filtered by companyId, status and dataType like the BFF. */
export function pullOperationsHandlers(records: (() => PullOperationRecord[]) | PullOperationRecord[] = pullOperationRecords) {
  return [
    http.get('*/api/pull-operations', ({ request }) => listResponse('pull-operations', request, typeof records === 'function' ? records() : records)),
  ];
}

export const pullOperationsFail = (message = 'Codat did not answer in time.', requestId = 'req-po-502') => [
  http.get('*/api/pull-operations', () => apiError(502, message, { code: 'codat_unavailable', requestId })),
];

/**
 * `GET /api/companies/:id/sync-progress` answering each of `answers` in turn, then the last one
 * for ever; `calls` counts the polls.
 */
export function syncProgressHandler(answers: SyncProgress[] = [idleProgress()]) {
  const state = { calls: 0 };
  const handler = http.get('*/api/companies/:companyId/sync-progress', () => {
    const answer = answers[Math.min(state.calls, answers.length - 1)];
    state.calls += 1;
    return HttpResponse.json(answer);
  });
  return Object.assign(state, { handler });
}

/** Refresh actions: every call is recorded; `dataTypeAnswer` decides the per-type answer. */
export function refreshHandlers({ alreadyRunning = [] as string[] } = {}) {
  const calls: string[] = [];
  const handlers = [
    http.post('*/api/companies/:companyId/refresh', () => {
      calls.push('all');
      return HttpResponse.json({ queued: true }, { status: 202 });
    }),
    http.post('*/api/companies/:companyId/refresh/:dataType', ({ params }) => {
      const dataType = String(params.dataType);
      calls.push(dataType);
      if (alreadyRunning.includes(dataType)) {
        return apiError(409, `Codat is already reading ${dataType} for company ${String(params.companyId)} (Fetching, requested 2026-05-03T08:00:00Z). Wait for that read to finish before queueing another.`, {
          code: 'already_running',
          requestId: 'req-409',
        });
      }
      return HttpResponse.json({ id: 'x', dataType, status: 'Queued', running: true }, { status: 202 });
    }),
  ];
  return { calls, handlers };
}

export const syncProgressFails = (requestId = 'req-sp-500') => [
  http.get('*/api/companies/:companyId/sync-progress', () => apiError(500, 'The console could not read sync progress.', { requestId })),
];
