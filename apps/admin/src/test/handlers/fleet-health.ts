import { http, HttpResponse } from 'msw';
import type { FleetHealth } from '../../dashboard/fleetHealthTypes';

const TAKEN = '2026-05-03T10:15:00.000Z';

/** A fleet of 60 connections over three snapshot days, with one QuickBooks incident. */
export function fleetHealthFixture(overrides: Partial<FleetHealth> = {}): FleetHealth {
  const days = ['2026-05-01', '2026-05-02', '2026-05-03'];
  return {
    from: '2026-04-04',
    to: '2026-05-03',
    refreshedAt: TAKEN,
    connectionsByStatus: {
      takenAt: TAKEN,
      days: days.map((day, i) => ({ day, byStatus: { Linked: 38 + i, Deauthorized: 6 - i, PendingAuth: 5 }, sandbox: 2, reconstructed: false })),
    },
    activeErrors: { takenAt: TAKEN, days: days.map((day, i) => ({ day, errors: [4, 9, 12][i]! })) },
    incidents: {
      takenAt: TAKEN,
      rule: 'Probable platform incident: at least 5 companies had an error of this group in the last 24 hours, and that is at least 5× the baseline.',
      open: 1,
      groups: [
        {
          id: 'a1b2c3d4e5f6a1b2c3d4e5f6',
          platformName: 'QuickBooks Online',
          statusCode: '502',
          statusText: 'Bad Gateway',
          companies: 8,
          recentCompanies: 8,
          baselineCompaniesPerDay: 0.1,
          trend: days.map((date, i) => ({ date, errors: [0, 1, 8][i]!, companies: [0, 1, 8][i]! })),
        },
      ],
    },
    syncs: {
      takenAt: TAKEN,
      stuckAfterDays: 7,
      linkedCompaniesBySyncAge: [
        { age: 'day', label: 'in the last 24 hours', companies: 30 },
        { age: 'week', label: '1–7 days ago', companies: 5 },
        { age: 'month', label: '7–30 days ago', companies: 2 },
        { age: 'older', label: 'more than 30 days ago', companies: 1 },
        { age: 'never', label: 'never', companies: 0 },
      ],
      stuckCompanies: 3,
      failingConnections: 8,
      failingCompanies: 8,
    },
    ...overrides,
  };
}

export const fleetHealthHandler = (health: FleetHealth = fleetHealthFixture(), seen: string[] = []) =>
  http.get('*/api/fleet-health', ({ request }) => {
    seen.push(new URL(request.url).pathname);
    return HttpResponse.json(health, { headers: { 'X-Mirror-Refreshed-At': health.refreshedAt ?? 'never' } });
  });
