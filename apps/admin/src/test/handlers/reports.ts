import { delay, http, HttpResponse } from 'msw';
import type { ConnectionCountsReport } from '../../reports/types';
import { companyCounts, connectionCountsReport, connectionTrend, duplicates, lostConnections } from '../fixtures/reports';
import { apiError, listResponse } from './simple-rest-list';

const fresh = { 'X-Mirror-Refreshed-At': '2026-11-20T06:00:00.000Z' };

/** Finance's reports over the fixtures; `months` records which month each counts request asked for. */
export function reportHandlers({ report = connectionCountsReport(), companies = companyCounts, groups = duplicates }: { report?: ConnectionCountsReport; companies?: typeof companyCounts; groups?: typeof duplicates } = {}) {
  const months: Array<string | null> = [];
  const rules: Array<string | null> = [];
  const handlers = [
    http.get('*/api/reports/connection-counts/trend', ({ request }) => HttpResponse.json(connectionTrend(new URL(request.url).searchParams.get('month') ?? undefined), { headers: fresh })),
    http.get('*/api/reports/connection-counts/changes', ({ request }) => listResponse('connection-counts/changes', request, lostConnections)),
    http.get('*/api/reports/connection-counts', ({ request }) => {
      const month = new URL(request.url).searchParams.get('month');
      months.push(month);
      rules.push(new URL(request.url).searchParams.get('rule'));
      return HttpResponse.json({ ...report, month: month ?? report.month }, { headers: fresh });
    }),
    http.get('*/api/reports/connection-counts/companies', ({ request }) => listResponse('connection-counts/companies', request, companies)),
    http.get('*/api/reports/possible-duplicates', ({ request }) => {
      const response = listResponse('possible-duplicates', request, groups);
      response.headers.set('X-Mirror-Refreshed-At', fresh['X-Mirror-Refreshed-At']);
      return response;
    }),
  ];
  return { handlers, months, rules };
}

export const reportsFail = () => [
  http.get('*/api/reports/connection-counts', () => apiError(500, 'The report could not be computed.', { requestId: 'req-rep-500' })),
  http.get('*/api/reports/possible-duplicates', () => apiError(500, 'The report could not be computed.', { requestId: 'req-dup-500' })),
];

export const reportsHang = () => [
  http.get('*/api/reports/*', async () => {
    await delay('infinite');
    return HttpResponse.json({});
  }),
];
