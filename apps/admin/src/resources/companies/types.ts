import type { ConnectionRecord } from '../connections/types';

/** A connection as summarised on a company record. */
export interface PlatformSummary {
  connectionId: string;
  /** Null only when Codat sent neither a key nor a known integration id. */
  key: string | null;
  name: string;
  status: string;
  sourceType: string;
  /** Source accounts can be managed on it. */
  bankFeed: boolean;
}

/** The BFF's company record (GET /api/companies). No Link URLs: those come from the link-url actions. */
export interface CompanyRecord {
  id: string;
  name: string;
  description: string | null;
  merchantId: string | null;
  tags: Record<string, string>;
  created: string | null;
  lastSync: string | null;
  platforms: PlatformSummary[];
  connectionCount: number;
  activeErrorCount: number;
  /** Set when the record came from the fleet mirror: when the mirror last completed a sync. */
  mirrorRefreshedAt?: string;
}

/** The company as Codat has it now, with its connections (GET /api/companies/{id}?live=true). */
export interface LiveCompanyRecord extends CompanyRecord {
  connections: ConnectionRecord[];
}

export type DuplicateReason = 'merchantId' | 'sameName' | 'similarName';

/** A company that may be the customer being created (409 possible_duplicate). */
export interface DuplicateCandidate extends CompanyRecord {
  matchedOn: DuplicateReason[];
}

/** The Codat Portal page of a company. */
export const portalUrl = (companyId: string) => `https://app.codat.io/companies/${companyId}/summary`;
