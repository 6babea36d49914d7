import { delay, http, HttpResponse } from 'msw';
import type { ConnectionCountsReport } from '../../reports/types';
import { companyCounts, connectionCountsReport, connectionTrend, duplicates, lostConnections } from '../fixtures/reports';
import { apiError, listResponse } from './simple-rest-list';

const fresh = { 'X-Mirror-Refreshed-At': '2026-11-20T06:00:00.000Z' };

/** Finance's reports over the fixtures; `months` records which month each counts request asked for. */
export function reportHandlers({ report = connectionCountsReport(), companies = companyCounts, groups = duplicates }: { report?: ConnectionCountsReport; companies?: typeof companyCounts; groups?: typeof duplicates } = {}) {
  const months: Array<string | null> = [];
  const rules: Array<string | null> = [];
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  let closed = false;
  const handlers = [
    http.get('*/api/reports/months/:month', ({ params }) =>
      HttpResponse.json({
        month: params.month,
        close: closed ? { month: params.month, rule: 'linked-any-time', snapshotTakenAt: '2026-10-31T23:00:00.000Z', closedByEmail: 'finance@console.local', closedAt: '2026-11-02T09:00:00.000Z', reconciliation: null, changedSinceClose: false } : null,
        reconciliation: { month: params.month, rule: 'linked-any-time', invoice: null, console: { connections: 38, companies: 30 }, difference: null, consoleNotInvoiced: null, invoicedNotConsole: null },
      }),
    ),
    http.all('*/api/reports/months/:month/*', async ({ request }) => {
      sent.push({ method: request.method, path: new URL(request.url).pathname, body: request.method === 'POST' && new URL(request.url).pathname.endsWith('/close') ? null : await request.json() });
      if (new URL(request.url).pathname.endsWith('/close')) closed = true;
      return HttpResponse.json({}, { status: 200 });
    }),
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
  return { handlers, months, rules, sent };
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
