import { http } from 'msw';
import type { DataStatusRecord } from '../../resources/data-status/types';
import { dataStatusRecords } from '../fixtures/data-status';
import { apiError, listResponse } from './simple-rest-list';

/** `GET /api/data-status` answering `records` (the fixture set by default). */
export function dataStatusHandlers(records: DataStatusRecord[] = dataStatusRecords) {
  return [http.get('*/api/data-status', ({ request }) => listResponse('data-status', request, records))];
}

export const dataStatusFails = (message = 'Codat did not answer in time.', requestId = 'req-ds-500') => [
  http.get('*/api/data-status', () => apiError(502, message, { code: 'codat_unavailable', requestId })),
];

/** Never answers: the loading state stays on screen. */
export const dataStatusHangs = () => [http.get('*/api/data-status', () => new Promise<never>(() => undefined))];
