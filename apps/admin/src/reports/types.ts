/** GET /api/reports/connection-counts (apps/bff/src/reports/schemas.ts). */
export interface ConnectionCountRow {
  status: string;
  platformKey: string | null;
  platformName: string | null;
  sourceType: string;
  sandbox: boolean;
  connections: number;
  companies: number;
  billableConnections: number;
}

export interface ConnectionCountsReport {
  month: string;
  refreshedAt: string | null;
  billableRule: { key: string; description: string };
  snapshots: { days: number; firstDay: string; lastDay: string; takenAt: string } | null;
  totals: {
    companies: number;
    companiesWithoutConnections: number;
    connectionsSeen: number;
    connectionsAtMonthEnd: number;
    billableConnections: number;
    billableCompanies: number;
    sandboxConnections: number;
    sandboxCompanies: number;
  } | null;
  rows: ConnectionCountRow[];
  sandbox: ConnectionCountRow[];
  changes: {
    previousMonth: string;
    comparable: boolean;
    new: number;
    lost: number;
    relinked: number;
    byPlatform: Array<{ platformKey: string | null; new: number; lost: number; relinked: number }>;
  } | null;
  daily: Array<{ day: string; status: string; connections: number }>;
}

export interface CompanyCountRecord {
  id: string;
  name: string | null;
  merchantId: string | null;
  companyDeleted: boolean;
  connections: number;
  linkedAtMonthEnd: number;
  billableConnections: number;
  sandboxConnections: number;
  platforms: string[];
}

export interface DuplicateCompany {
  id: string;
  name: string;
  merchantId: string | null;
  created: string | null;
  connections: number;
  linkedConnections: number;
  platforms: string[];
}

export interface DuplicateRecord {
  id: string;
  reason: 'merchantId' | 'sameName' | 'samePlatform';
  key: string;
  explanation: string;
  companies: DuplicateCompany[];
  connections: Array<{ id: string; status: string; created: string | null }>;
}
