export interface NoteRecord {
  id: string;
  targetType: 'error-group' | 'connection';
  targetId: string;
  text: string;
  authorId: string | null;
  authorEmail: string | null;
  createdAt: string;
}

export interface TrendDay {
  date: string;
  errors: number;
  companies: number;
}

/** GET /api/connection-error-groups (apps/bff/src/resources/connection-error-groups/schemas.ts). */
export interface ErrorGroupRecord {
  id: string;
  platformKey: string | null;
  platformName: string | null;
  statusCode: string | null;
  statusText: string | null;
  sampleMessage: string | null;
  connections: number;
  companies: number;
  firstSeen: string | null;
  lastSeen: string | null;
  trend: TrendDay[];
  recentCompanies: number;
  baselineCompaniesPerDay: number;
  probableIncident: boolean;
  notes: NoteRecord[];
}

export interface AffectedCompany {
  companyId: string;
  companyName: string | null;
  merchantId: string | null;
  connectionId: string;
  connectionStatus: string | null;
  erroredOnUtc: string | null;
  errorMessage: string | null;
}

export interface ErrorGroupDetail extends ErrorGroupRecord {
  affected: AffectedCompany[];
  affectedTotal: number;
}
