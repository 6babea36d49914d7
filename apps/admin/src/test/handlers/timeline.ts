import { delay, http, HttpResponse } from 'msw';
import type { Timeline } from '../../resources/companies/timelineTypes';
import { timeline } from '../fixtures/timeline';
import { apiError } from './simple-rest-list';

/** GET /api/companies/:id/timeline from the fixture (or `overrides`). */
export const timelineHandlers = (overrides: Partial<Timeline> = {}) => [
  http.get('*/api/companies/:id/timeline', ({ params }) => HttpResponse.json(timeline(String(params.id), overrides))),
];

export const timelineFail = () => [
  http.get('*/api/companies/:id/timeline', () => apiError(404, 'The mirror has no company with that id.', { code: 'not_found', requestId: 'req-tl-404' })),
];

export const timelineHang = () => [
  http.get('*/api/companies/:id/timeline', async () => {
    await delay('infinite');
    return HttpResponse.json({});
  }),
];
