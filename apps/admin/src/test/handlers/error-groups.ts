import { delay, http, HttpResponse } from 'msw';
import type { ErrorGroupRecord, NoteRecord } from '../../resources/connection-error-groups/types';
import { errorGroupDetail, errorGroups, REFRESHED_AT } from '../fixtures/error-groups';
import { integrationsHandlers } from './integrations';
import { apiError, listResponse } from './simple-rest-list';

const fresh = { 'X-Mirror-Refreshed-At': REFRESHED_AT };

const within = (at: string | null, from: unknown, to: unknown) => at !== null && (!from || at >= String(from)) && (!to || at <= String(to));

/** The BFF's filters over the fixtures: the platform's key, equality, words of the status text or message, seen-time ranges. */
const MATCH: Record<string, (group: ErrorGroupRecord, value: unknown) => boolean> = {
  platform: (g, value) => g.platformKey === value,
  q: (g, value) => `${g.statusText} ${g.sampleMessage}`.toLowerCase().includes(String(value).toLowerCase()),
  firstSeenFrom: (g, value) => within(g.firstSeen, value, undefined),
  firstSeenTo: (g, value) => within(g.firstSeen, undefined, value),
  lastSeenFrom: (g, value) => within(g.lastSeen, value, undefined),
  lastSeenTo: (g, value) => within(g.lastSeen, undefined, value),
};

/**
 * The error-group and notes API over the fixtures (`groups()` read at each request, so a test can
 * change them); `calls.notes` records note bodies posted, `calls.lists` each list request's query.
 */
export function errorGroupHandlers(groups: ErrorGroupRecord[] | (() => ErrorGroupRecord[]) = errorGroups) {
  const current = typeof groups === 'function' ? groups : () => groups;
  const calls = { notes: [] as unknown[], lists: [] as URLSearchParams[] };
  const handlers = [
    ...integrationsHandlers(),
    http.get('*/api/connection-error-groups', ({ request }) => {
      calls.lists.push(new URL(request.url).searchParams);
      const response = listResponse('connection-error-groups', request, current(), MATCH);
      response.headers.set('X-Mirror-Refreshed-At', REFRESHED_AT);
      return response;
    }),
    http.get('*/api/connection-error-groups/:id', ({ params }) => {
      const group = current().find((g) => g.id === params.id);
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
  ...integrationsHandlers(),
  http.get('*/api/connection-error-groups', () => apiError(503, 'The mirror database is not reachable.', { code: 'unavailable', requestId: 'req-eg-503' })),
];

export const errorGroupsHang = () => [
  ...integrationsHandlers(),
  http.get('*/api/connection-error-groups', async () => {
    await delay('infinite');
    return HttpResponse.json([]);
  }),
];
