import type { ErrorGroupRecord } from '../connection-error-groups/types';

/** GET /api/incidents (apps/bff/src/resources/incidents/schemas.ts). */
export interface IncidentRecord extends ErrorGroupRecord {
  incident: {
    status: 'current' | 'ended';
    startedOn: string;
    startedAt: string;
    endedOn: string | null;
    baselineCompaniesPerDay: number;
    thresholdCompanies: number;
    companiesLast12h: number;
    companiesPrevious12h: number;
    growing: boolean;
  };
}

export interface IncidentsResponse {
  rule: string;
  growingRule: string;
  recentDays: number;
  retentionMonths: number;
  incidents: IncidentRecord[];
}
