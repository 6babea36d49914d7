import { z } from 'zod';
import { codatDate, openEnum, optionalString } from './common.js';

/** Pull-operation `status` and data-status `currentStatus`. */
export const DATASET_STATUSES = [
  'Initial',
  'Queued',
  'Fetching',
  'MapQueued',
  'Mapping',
  'Complete',
  'FetchError',
  'MapError',
  'InternalError',
  'ProcessingQueued',
  'Processing',
  'ProcessingError',
  'ValidationQueued',
  'Validating',
  'ValidationError',
  'AuthError',
  'Cancelled',
  'NotSupported',
  'RateLimitError',
  'PermissionsError',
  'PrerequisiteNotMet',
] as const;

/** The data types refresh-data-type accepts and dataStatus is keyed by. */
export const DATA_TYPES = [
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
  'banking-accountBalances',
  'banking-accounts',
  'banking-transactionCategories',
  'banking-transactions',
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

const dataType = openEnum(DATA_TYPES);

export const pullOperationSchema = z.looseObject({
  id: z.string(),
  companyId: z.string(),
  connectionId: z.string(),
  dataType,
  status: openEnum(DATASET_STATUSES),
  statusDescription: optionalString,
  errorMessage: optionalString,
  requested: codatDate,
  completed: codatDate.nullish(),
  progress: z.number(),
  /** True only when completed successfully. */
  isCompleted: z.boolean(),
  isErrored: z.boolean(),
});

export const dataStatusSchema = z.looseObject({
  dataType,
  /** Required by the spec, yet never-synced types may arrive as a bare `{ dataType }`. */
  currentStatus: openEnum(DATASET_STATUSES).nullish(),
  lastSuccessfulSync: codatDate.nullish(),
  latestSyncId: optionalString,
  latestSuccessfulSyncId: optionalString,
});

/** Keyed by data type; types never synced are usually absent. */
export const dataStatusesSchema = z.record(z.string(), dataStatusSchema.nullable());

export type DatasetStatus = (typeof DATASET_STATUSES)[number];
export type DataType = (typeof DATA_TYPES)[number];
export type PullOperation = z.infer<typeof pullOperationSchema>;
export type DataStatus = z.infer<typeof dataStatusSchema>;
export type DataStatuses = z.infer<typeof dataStatusesSchema>;
