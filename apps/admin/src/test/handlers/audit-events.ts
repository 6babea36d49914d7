import type { AuditEventRecord } from '@console/contracts';
import { http } from 'msw';
import { auditEventRecords } from '../fixtures/audit-events';
import { apiError, listParams, listResponse } from './simple-rest-list';

/**
 * `GET /api/audit-events` filtered as the BFF does: actor is part of the email (or the staff id),
 * action one name or a list, from ≤ at < to; `requests` records each filter asked for.
 */
export function auditEventsHandlers(records: AuditEventRecord[] = auditEventRecords) {
  const requests: Array<Record<string, unknown>> = [];
  const handler = http.get('*/api/audit-events', ({ request }) => {
    requests.push(listParams(request).filter);
    return listResponse('audit-events', request, records as unknown as Array<Record<string, unknown>>, {
      actor: (record, value) => record.actorId === value || String(record.actorEmail ?? '').toLowerCase().includes(String(value).toLowerCase()),
      action: (record, value) => (Array.isArray(value) ? value : [value]).includes(record.action),
      from: (record, value) => Date.parse(String(record.at)) >= Date.parse(String(value)),
      to: (record, value) => Date.parse(String(record.at)) < Date.parse(String(value)),
    });
  });
  return { requests, handlers: [handler] };
}

export const auditEventsFail = (requestId = 'req-audit-503') => [
  http.get('*/api/audit-events', () => apiError(503, 'The audit log database is not reachable right now.', { code: 'unavailable', requestId })),
];

export const auditEventsHang = () => [http.get('*/api/audit-events', () => new Promise<never>(() => undefined))];
