import { isRunningStatus } from '@console/contracts';

/** The data types Codat reads (refresh-data-type path values, data status keys). */
export const DATA_TYPES = [
  'accountTransactions', 'balanceSheet', 'bankAccounts', 'bankTransactions', 'billCreditNotes', 'billPayments', 'bills',
  'cashFlowStatement', 'chartOfAccounts', 'company', 'creditNotes', 'customers', 'directCosts', 'directIncomes', 'invoices',
  'itemReceipts', 'items', 'journalEntries', 'journals', 'paymentMethods', 'payments', 'profitAndLoss', 'purchaseOrders',
  'salesOrders', 'suppliers', 'taxRates', 'trackingCategories', 'transfers', 'banking-accountBalances', 'banking-accounts',
  'banking-transactionCategories', 'banking-transactions', 'commerce-companyInfo', 'commerce-customers', 'commerce-disputes',
  'commerce-locations', 'commerce-orders', 'commerce-paymentMethods', 'commerce-payments', 'commerce-productCategories',
  'commerce-products', 'commerce-taxComponents', 'commerce-transactions',
] as const;

const NEUTRAL = new Set(['Cancelled', 'NotSupported']);

export type StatusKind = 'success' | 'running' | 'error' | 'neutral' | 'unknown';

/** How a status reads at a glance. A status Codat adds later is shown as-is, as "unknown". */
export function statusKind(status: string | null | undefined): StatusKind {
  if (!status) return 'unknown';
  if (status === 'Complete') return 'success';
  if (isRunningStatus(status)) return 'running';
  if (NEUTRAL.has(status)) return 'neutral';
  if (/Error$|PrerequisiteNotMet/.test(status)) return 'error';
  return 'unknown';
}

/** What a failed status means for the person looking at it. */
export const STATUS_HINTS: Record<string, string> = {
  AuthError: 'The connection is no longer authorised: the customer must relink it with a fresh Link URL.',
  PermissionsError: 'The customer’s user lacks permission in their software to read this data.',
  RateLimitError: 'The platform rate-limited Codat; a later refresh usually succeeds.',
  NotSupported: 'The platform does not offer this data type.',
  PrerequisiteNotMet: 'Another data type must be read first (Codat reads it as part of a full refresh).',
  FetchError: 'Codat could not fetch the data from the platform.',
  MapError: 'Codat fetched the data but could not map it.',
  ValidationError: 'The data failed Codat’s validation; see the pull operation’s validation results in Codat.',
  ProcessingError: 'Codat could not process the fetched data.',
  InternalError: 'An error inside Codat; refresh again, and raise it with Codat if it repeats.',
};
