import { delay, http, HttpResponse } from 'msw';
import type { NoteRecord } from '../../resources/connection-error-groups/types';
import { errorGroupDetail, errorGroups, REFRESHED_AT } from '../fixtures/error-groups';
import { apiError, listResponse } from './simple-rest-list';

const fresh = { 'X-Mirror-Refreshed-At': REFRESHED_AT };

/** The error-group and notes API over the fixtures; `calls.notes` records note bodies posted. */
export function errorGroupHandlers(groups = errorGroups) {
  const calls = { notes: [] as unknown[] };
  const handlers = [
    http.get('*/api/connection-error-groups', ({ request }) => {
      const response = listResponse('connection-error-groups', request, groups);
      response.headers.set('X-Mirror-Refreshed-At', REFRESHED_AT);
      return response;
    }),
    http.get('*/api/connection-error-groups/:id', ({ params }) => {
      const group = groups.find((g) => g.id === params.id);
      if (!group) return apiError(404, `No error group ${String(params.id)} in the mirror.`, { code: 'not_found', requestId: 'req-eg-404' });
      return HttpResponse.json(errorGroupDetail(group), { headers: fresh });
    }),
    http.post('*/api/notes', async ({ request }) => {
      const body = (await request.json()) as Pick<NoteRecord, 'targetType' | 'targetId' | 'text'>;
      calls.notes.push(body);
      const created: NoteRecord = { id: '7d0f5a9e-0000-4000-8000-000000000099', authorId: 'user-support', authorEmail: 'support@console.test', createdAt: REFRESHED_AT, ...body };
      return HttpResponse.json(created, { status: 201 });
    }),
  ];
  return { handlers, calls };
}

export const errorGroupsFail = () => [
  http.get('*/api/connection-error-groups', () => apiError(503, 'The mirror database is not reachable.', { code: 'unavailable', requestId: 'req-eg-503' })),
];

export const errorGroupsHang = () => [
  http.get('*/api/connection-error-groups', async () => {
    await delay('infinite');
    return HttpResponse.json([]);
  }),
];
