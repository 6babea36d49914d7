import type { ConnectionRecord, SourceType } from '../store/types.js';
import { platformByKey } from './platforms.js';

const ACCOUNTING_DATA_TYPES = [
  'accountTransactions',
  'balanceSheet',
  'bankAccounts',
  'bankTransactions',
  'billCreditNotes',
  'billPayments',
  'bills',
  'cashFlowStatement',
  'chartOfAccounts',
  'company',
  'creditNotes',
  'customers',
  'directCosts',
  'directIncomes',
  'invoices',
  'itemReceipts',
  'items',
  'journalEntries',
  'journals',
  'paymentMethods',
  'payments',
  'profitAndLoss',
  'purchaseOrders',
  'salesOrders',
  'suppliers',
  'taxRates',
  'trackingCategories',
  'transfers',
] as const;

const BANKING_DATA_TYPES = [
  'banking-accountBalances',
  'banking-accounts',
  'banking-transactionCategories',
  'banking-transactions',
] as const;

const COMMERCE_DATA_TYPES = [
  'commerce-companyInfo',
  'commerce-customers',
  'commerce-disputes',
  'commerce-locations',
  'commerce-orders',
  'commerce-paymentMethods',
  'commerce-payments',
  'commerce-productCategories',
  'commerce-products',
  'commerce-taxComponents',
  'commerce-transactions',
] as const;

/** The 43 keys of Codat's `dataType` path enum and `dataStatus` object, in the spec's order. */
export const DATA_TYPES = [...ACCOUNTING_DATA_TYPES, ...BANKING_DATA_TYPES, ...COMMERCE_DATA_TYPES] as const;

export type DataType = (typeof DATA_TYPES)[number];

const KNOWN = new Set<string>(DATA_TYPES);

export function isDataType(value: string): value is DataType {
  return KNOWN.has(value);
}

/**
 * What a connection of each source type can read. Bank-feed connections (QBO Bank Feeds, Sage
 * Bank Feeds) only expose the bank accounts and transactions they feed.
 */
const SUPPORTED_BY_SOURCE_TYPE: Partial<Record<SourceType, ReadonlySet<DataType>>> = {
  Accounting: new Set(ACCOUNTING_DATA_TYPES),
  Banking: new Set(BANKING_DATA_TYPES),
  Commerce: new Set(COMMERCE_DATA_TYPES),
  BankFeed: new Set(['bankAccounts', 'bankTransactions'] as const),
};

export function supportsDataType(sourceType: SourceType, dataType: DataType): boolean {
  return SUPPORTED_BY_SOURCE_TYPE[sourceType]?.has(dataType) ?? false;
}

/**
 * The client's "fetch on first link" data-type settings: a realistic default where the core
 * records and reports are fetched and the heavy per-account transaction types are not.
 */
export const FETCH_ON_FIRST_LINK: ReadonlySet<DataType> = new Set<DataType>([
  'company',
  'chartOfAccounts',
  'bankAccounts',
  'customers',
  'suppliers',
  'invoices',
  'bills',
  'payments',
  'billPayments',
  'creditNotes',
  'journalEntries',
  'taxRates',
  'balanceSheet',
  'profitAndLoss',
  'banking-accounts',
  'banking-accountBalances',
  'banking-transactions',
  'commerce-companyInfo',
  'commerce-customers',
  'commerce-orders',
  'commerce-payments',
  'commerce-products',
  'commerce-transactions',
]);

/** Data types a refresh-all (or the first link) queues for a connection of this source type. */
export function initialDataTypes(sourceType: SourceType): DataType[] {
  return DATA_TYPES.filter((dataType) => FETCH_ON_FIRST_LINK.has(dataType) && supportsDataType(sourceType, dataType));
}

export function sourceTypeOf(connection: ConnectionRecord): SourceType {
  return platformByKey(connection.integrationKey)?.sourceType ?? 'Unknown';
}
