export interface ConnectionError {
  statusCode: string | null;
  statusText: string | null;
  errorMessage: string | null;
  erroredOnUtc: string | null;
  /** Active, Resolved, or null when not transient. */
  status: string | null;
  resolvedOnUtc: string | null;
}

/** The BFF's connection record; `id` is `<companyId>.<connectionId>`. No `linkUrl`: see the link-url action. */
export interface ConnectionRecord {
  id: string;
  companyId: string;
  connectionId: string;
  platformKey: string | null;
  platformName: string;
  sourceType: string;
  status: string;
  created: string;
  lastSync: string | null;
  /** Active first, then newest first. */
  errors: ConnectionError[];
  activeErrorCount: number;
  bankFeed: boolean;
  /** Whether POST /connections/{id}/link-url hands out this connection's own Link URL. */
  shareableLinkUrl: boolean;
}

/** The console's id of a connection. */
export const connectionRecordId = (companyId: string, connectionId: string) => `${companyId}.${connectionId}`;

/** Sage Bank Feeds: authorised inside Sage, never by a shared link. */
export const SAGE_BANK_FEEDS_KEY = 'olpr';
