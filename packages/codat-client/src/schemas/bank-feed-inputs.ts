import type { SOURCE_ACCOUNT_V2_TYPES, ROUTING_INFO_TYPES } from './bank-feeds.js';

/** Create body for v1 clients. */
export interface SourceAccountV1Input {
  id: string;
  accountName?: string | null;
  accountType?: string | null;
  accountNumber?: string | null;
  sortCode?: string | null;
  currency?: string;
  balance?: number | null;
  modifiedDate?: string | null;
}

/** Create body for v2 clients. `sortCode` is required in practice for GBP accounts. */
export interface SourceAccountV2Input {
  id: string;
  accountName: string;
  accountType: (typeof SOURCE_ACCOUNT_V2_TYPES)[number];
  accountNumber: string;
  currency: string;
  balance: number;
  sortCode?: string | null;
  routingInfo?: { bankCode?: string | null; type?: (typeof ROUTING_INFO_TYPES)[number] | null };
  accountInfo?: {
    description?: string | null;
    nickname?: string | null;
    accountOpenDate?: string | null;
    availableBalance?: number | null;
  } | null;
  modifiedDate?: string | null;
}

export type SourceAccountInput = SourceAccountV1Input | SourceAccountV2Input;

/** v1 may change `accountName`, `status` (to `disconnected` only) and `balance` (only while not connected); v2 only `accountName`. */
export interface SourceAccountUpdate {
  accountName?: string | null;
  status?: 'disconnected';
  balance?: number | null;
}

export interface BankFeedMappingInput {
  sourceAccountId: string;
  /** Omit to have a new target account created in the accounting platform. */
  targetAccountId?: string | null;
  feedStartDate?: string | null;
}
