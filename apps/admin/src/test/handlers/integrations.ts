import { http } from 'msw';
import type { IntegrationRecord } from '../../resources/integrations/types';
import { integrationRecords } from '../fixtures/integrations';
import { apiError, listResponse } from './simple-rest-list';

type Row = Record<string, unknown>;

/** GET /api/integrations with the BFF's q (name or key), sourceType and enabled filters. */
export function integrationsHandlers(records: IntegrationRecord[] = integrationRecords) {
  return [
    http.get('*/api/integrations', ({ request }) =>
      listResponse('integrations', request, records as unknown as Row[], {
        q: (record, value) => {
          const text = String(value).toLowerCase();
          return String(record.name).toLowerCase().includes(text) || String(record.key).includes(text);
        },
      }),
    ),
  ];
}

export const integrationsFail = (message = 'Codat did not answer in time.', requestId = 'req-int-502') => [
  http.get('*/api/integrations', () => apiError(502, message, { code: 'codat_unavailable', requestId })),
];
