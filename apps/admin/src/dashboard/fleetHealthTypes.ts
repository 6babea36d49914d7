import type { TrendDay } from '../resources/connection-error-groups/types';

/** GET /api/fleet-health (apps/bff/src/resources/fleet-health/schemas.ts). */
export interface FleetHealth {
  from: string;
  to: string;
  refreshedAt: string | null;
  connectionsByStatus: { takenAt: string | null; days: Array<{ day: string; byStatus: Record<string, number>; sandbox: number; reconstructed: boolean }> };
  activeErrors: { takenAt: string | null; days: Array<{ day: string; errors: number }> };
  incidents: {
    takenAt: string | null;
    rule: string;
    open: number;
    groups: Array<{
      id: string;
      platformName: string | null;
      statusCode: string | null;
      statusText: string | null;
      companies: number;
      recentCompanies: number;
      baselineCompaniesPerDay: number;
      trend: TrendDay[];
    }>;
  };
  syncs: {
    takenAt: string | null;
    stuckAfterDays: number;
    linkedCompaniesBySyncAge: Array<{ age: 'day' | 'week' | 'month' | 'older' | 'never'; label: string; companies: number }>;
    stuckCompanies: number;
    failingConnections: number;
    failingCompanies: number;
  };
}
