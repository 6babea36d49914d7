import { http, HttpResponse, type JsonBodyType } from 'msw';
import { companyLink, connectionLink, inviteLink } from '../fixtures/links';
import type { CompanyWorld } from './companies';
import { apiError } from './simple-rest-list';

const noStore = (body: JsonBodyType) => HttpResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });

/** The Link URL actions: a fresh answer per call (QBO Bank Feeds: a new one-hour code each time). */
export function linkHandlers(world: CompanyWorld, { inviteConfigured = true, companyLinksOneTime = false } = {}) {
  return [
    http.post('*/api/companies/:id/link-url', ({ params }) => {
      const company = world.companies.find((candidate) => candidate.id === params.id);
      return company ? noStore(companyLink(company, { oneTime: companyLinksOneTime })) : apiError(404, 'Codat has no company with this id.', { code: 'not_found' });
    }),
    http.post('*/api/connections/:id/link-url', ({ params }) => {
      const connection = world.connections.find((candidate) => candidate.id === params.id);
      if (!connection) return apiError(404, 'Codat has no such connection.', { code: 'not_found' });
      if (connection.platformKey === 'olpr') {
        return apiError(409, 'Sage Bank Feeds connections are authorised inside Sage. Do not send this connection\'s link.', { code: 'conflict', requestId: 'req-sage' });
      }
      if (connection.status === 'Linked') return apiError(409, 'This connection is already Linked.', { code: 'conflict' });
      return noStore(connectionLink(connection));
    }),
    http.get('*/api/invite-url/availability', () => HttpResponse.json({ available: inviteConfigured })),
    http.get('*/api/invite-url', () =>
      inviteConfigured
        ? noStore(inviteLink())
        : apiError(404, 'No invite URL is configured. Set CODAT_INVITE_URL to the Portal\'s "Invite company" URL.', { code: 'not_found', requestId: 'req-inv-404' }),
    ),
  ];
}
