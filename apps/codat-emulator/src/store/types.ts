import type { BankFeedsVersion } from '../config.js';

export type ConnectionStatus = 'PendingAuth' | 'Linked' | 'Unlinked' | 'Deauthorized';
export type SourceType =
  | 'Accounting'
  | 'Banking'
  | 'BankFeed'
  | 'Commerce'
  | 'Expense'
  | 'Other'
  | 'Unknown';

export interface DataConnectionError {
  statusCode: string;
  statusText: string;
  errorMessage: string;
  erroredOnUtc: string;
  status?: 'Active' | 'Resolved';
  resolvedOnUtc?: string;
}

export interface CompanyRecord {
  id: string;
  name: string;
  description?: string;
  /** Codat-formatted timestamp, as first returned. */
  created: string;
  createdMs: number;
  createdByUserName?: string;
  products: string[];
  tags?: Record<string, string>;
  lastSync?: string;
  lastSyncMs?: number;
  /** Ids of live (not deleted) connections, in creation order. */
  connectionIds: string[];
}

export interface OtpGrant {
  otp: string;
  expiresMs: number;
}

export interface ConnectionRecord {
  id: string;
  companyId: string;
  integrationKey: string;
  status: ConnectionStatus;
  created: string;
  createdMs: number;
  lastSync?: string;
  lastSyncMs?: number;
  errors: DataConnectionError[];
  connectionInfo?: Record<string, unknown>;
  /** One-time passwords minted on reads of `hcws` link URLs. */
  otps: OtpGrant[];
}

export type PullStatus =
  | 'Initial'
  | 'Queued'
  | 'Fetching'
  | 'MapQueued'
  | 'Mapping'
  | 'Complete'
  | 'FetchError'
  | 'MapError'
  | 'InternalError'
  | 'ProcessingQueued'
  | 'Processing'
  | 'ProcessingError'
  | 'ValidationQueued'
  | 'Validating'
  | 'ValidationError'
  | 'AuthError'
  | 'Cancelled'
  | 'NotSupported'
  | 'RateLimitError'
  | 'PermissionsError'
  | 'PrerequisiteNotMet';

/** A pull operation. Its status is derived from the clock: see domain/pull-lifecycle.ts. */
export interface DatasetRecord {
  id: string;
  companyId: string;
  connectionId: string;
  dataType: string;
  requested: string;
  requestedMs: number;
  /** Length of each phase for this dataset. */
  stepMs: number;
  /** Where it ends: `Complete` or a terminal error status. */
  outcome: PullStatus;
  /** Set once the dataset has reached its outcome and side effects (lastSync, webhooks) ran. */
  settled: boolean;
  completed?: string;
  completedMs?: number;
}

export interface SourceAccountRecord {
  version: BankFeedsVersion;
  id: string;
  accountName: string | null;
  accountType: string | null;
  accountNumber: string | null;
  sortCode: string | null;
  currency: string | null;
  balance: number | null;
  modifiedDate?: string;
  status: 'pending' | 'connecting' | 'connected' | 'disconnected' | 'unknown';
  feedStartDate?: string;
  routingInfo?: { bankCode: string | null; type: string };
  accountInfo?: {
    description: string | null;
    nickname: string | null;
    accountOpenDate: string | null;
    availableBalance: number | null;
  } | null;
  /** Target account mapped in the accounting platform. */
  targetAccountId?: string;
}

export interface BankFeedCredentials {
  username: string;
  password: string;
}
