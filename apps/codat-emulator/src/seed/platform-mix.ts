import type { ConnectionStatus, SourceType } from '../store/types.js';
import { weightedTable, type WeightedTable } from './random.js';
import type { Region } from './words.js';

/** Accounting platforms, weighted like a UK/US-heavy SMB lender's fleet; sandboxes are rare. */
export const ACCOUNTING = weightedTable([
  ['qhyg', 30], ['gbol', 28], ['tgff', 6], ['fbrh', 5], ['akxx', 4], ['hbql', 3], ['pqsw', 3],
  ['trji', 3], ['knfz', 2], ['vxvy', 2], ['pdvj', 2], ['pbtz', 2], ['rwuv', 2], ['jcrp', 1],
  ['qudb', 1], ['pbbf', 1], ['vjms', 1], ['rqwd', 0.5], ['rvam', 0.3], ['mqjo', 0.4], ['ndsk', 0.4],
] as const);

export const COMMERCE = weightedTable([
  ['zsth', 25], ['fztf', 22], ['exgd', 22], ['ugxp', 6], ['qkdj', 6], ['ltpp', 6], ['vqzp', 4],
  ['fqly', 3], ['ldgh', 2], ['aiwb', 0.6], ['xcwv', 0.4], ['yzth', 0.5],
] as const);

/** Open-banking aggregators by where the business banks. */
export const BANKING: Record<Region, WeightedTable<string>> = {
  uk: weightedTable([['upvr', 7], ['suuo', 2], ['dfxm', 1]]),
  ie: weightedTable([['upvr', 7], ['suuo', 2]]),
  us: weightedTable([['suuo', 9], ['upvr', 1]]),
  ca: weightedTable([['suuo', 9], ['upvr', 1]]),
  au: weightedTable([['dfxm', 7], ['suuo', 2]]),
  nz: weightedTable([['dfxm', 5], ['suuo', 3]]),
};

export const REGIONS = weightedTable<Region>([['uk', 45], ['us', 30], ['au', 9], ['ie', 6], ['ca', 6], ['nz', 4]]);

/**
 * Where bank-feed source accounts live for a given accounting platform: a separate bank-feed
 * connection (QBO, Sage) or the accounting connection itself (Xero, NetSuite, FreeAgent).
 */
export const BANK_FEED_FOR_ACCOUNTING: Readonly<Record<string, string>> = {
  qhyg: 'hcws',
  tgff: 'olpr',
  gbol: 'gbol',
  akxx: 'akxx',
  fbrh: 'fbrh',
};

export type ConnectionRole = 'accounting' | 'previousAccounting' | 'banking' | 'commerce' | 'bankFeed';

export const STATUS_BY_ROLE: Record<ConnectionRole, WeightedTable<ConnectionStatus>> = {
  accounting: weightedTable([['Linked', 74], ['PendingAuth', 11], ['Deauthorized', 9], ['Unlinked', 6]]),
  // A company that moved platforms: the old connection was unlinked or lost its authorisation.
  previousAccounting: weightedTable([['Unlinked', 70], ['Deauthorized', 30]]),
  banking: weightedTable([['Linked', 68], ['PendingAuth', 14], ['Deauthorized', 10], ['Unlinked', 8]]),
  commerce: weightedTable([['Linked', 72], ['PendingAuth', 14], ['Deauthorized', 8], ['Unlinked', 6]]),
  bankFeed: weightedTable([['Linked', 70], ['PendingAuth', 20], ['Deauthorized', 5], ['Unlinked', 5]]),
};

/** Data types a routine sync run reads, per source type; runs take a contiguous slice. */
export const SYNC_DATA_TYPES: Partial<Record<SourceType, readonly string[]>> = {
  Accounting: [
    'chartOfAccounts', 'bankAccounts', 'invoices', 'bills', 'customers', 'suppliers', 'payments',
    'billPayments', 'creditNotes', 'journalEntries', 'taxRates', 'balanceSheet', 'profitAndLoss', 'company',
  ],
  Banking: ['banking-accounts', 'banking-accountBalances', 'banking-transactions', 'banking-transactionCategories'],
  Commerce: [
    'commerce-companyInfo', 'commerce-orders', 'commerce-payments', 'commerce-customers',
    'commerce-products', 'commerce-transactions', 'commerce-disputes',
  ],
};
