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
  /** When these numbers were taken: the month's latest snapshot. */
  refreshedAt: string | null;
  mirrorSyncedAt: string | null;
  /** The month has not ended: figures are as of its latest snapshot. */
  inProgress: boolean;
  billableRule: { key: string; description: string };
  /** The sync still makes the figures of the month's first snapshot: no totals, rows or changes yet. */
  beingMade: boolean;
  snapshots: { days: number; firstDay: string; lastDay: string; takenAt: string; reconstructed: string | null } | null;
  totals: {
    companies: number;
    companiesWithoutConnections: number;
    companiesInMonth: number;
    companiesInMonthWithoutConnections: number;
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
    byPlatform: Array<{ platformKey: string | null; platformName: string | null; new: number; lost: number; relinked: number }>;
  } | null;
  daily: Array<{ day: string; status: string; connections: number }>;
}

export interface CompanyCountRecord {
  id: string;
  name: string | null;
  merchantId: string | null;
  companyDeleted: boolean;
  withoutConnections: boolean;
  connections: number;
  linkedAtMonthEnd: number;
  billableConnections: number;
  sandboxConnections: number;
  platforms: string[];
  platformNames: string[];
}

export type ChangeKind = 'new' | 'lost' | 'relinked';

/** GET /api/reports/connection-counts/changes: a connection behind a new / lost / relinked count. */
export interface ChangeRecord {
  id: string;
  kind: ChangeKind;
  companyId: string;
  companyName: string | null;
  platformKey: string | null;
  platformName: string | null;
  sourceType: string | null;
  fromStatus: string | null;
  toStatus: string;
}

/** GET /api/reports/connection-counts/trend. */
export interface TrendMonth {
  month: string;
  snapshot: { days: number; lastDay: string; takenAt: string; reconstructed: boolean } | null;
  /** The sync still makes the figures of the month's first snapshot: they read 0 until then. */
  beingMade: boolean;
  billableConnections: number;
  billableCompanies: number;
  connectionsAtMonthEnd: number;
  byStatus: Record<string, number>;
  new: number;
  lost: number;
  relinked: number;
}

export interface ConnectionTrend {
  to: string;
  billableRule: { key: string; description: string };
  mirrorSyncedAt: string | null;
  months: TrendMonth[];
}

/** The billable rules the BFF knows (apps/bff/src/reports/billable-rule.ts). */
export const BILLABLE_RULES = [
  { key: 'linked-any-time', label: 'Linked at any time in the month' },
  { key: 'linked-at-month-end', label: 'Linked on the last snapshot' },
  { key: 'linked-all-month', label: 'Linked on every snapshot it was seen' },
] as const;

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

interface DifferenceSide {
  total: number;
  byReason: Array<{ reason: string; count: number }>;
  sample: Array<{ id: string; companyName: string | null; platformName: string | null; reason: string }>;
}

/** GET /api/reports/months/:month (apps/bff/src/reports/reconcile.ts, month-close.ts). */
export interface Reconciliation {
  month: string;
  rule: string;
  invoice: { kind: 'count' | 'connections' | 'companies'; invoicedCount: number | null; ids: number; enteredAt: string; enteredByEmail: string | null } | null;
  console: { connections: number; companies: number };
  difference: number | null;
  consoleNotInvoiced: DifferenceSide | null;
  invoicedNotConsole: DifferenceSide | null;
}

export interface MonthClose {
  month: string;
  rule: string;
  snapshotTakenAt: string;
  closedByEmail: string;
  closedAt: string;
  reconciliation: Reconciliation | null;
  changedSinceClose: boolean;
}

export interface FinanceMonth {
  month: string;
  close: MonthClose | null;
  reconciliation: Reconciliation | null;
}
