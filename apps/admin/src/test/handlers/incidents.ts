import { http, HttpResponse } from 'msw';
import type { IncidentsResponse } from '../../resources/incidents/types';
import { REFRESHED_AT } from '../fixtures/error-groups';
import { incidentsResponse } from '../fixtures/incidents';

/** GET /api/incidents answering `body()` at each request, so a test can move the incident on. */
export function incidentsHandlers(body: () => IncidentsResponse = () => incidentsResponse()) {
  return [http.get('*/api/incidents', () => HttpResponse.json(body(), { headers: { 'X-Mirror-Refreshed-At': REFRESHED_AT } }))];
}
