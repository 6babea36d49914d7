import { z } from 'zod';
import { codatDate, openEnum, optionalString, statusCode } from './common.js';

export const CONNECTION_STATUSES = ['PendingAuth', 'Linked', 'Unlinked', 'Deauthorized'] as const;

export const SOURCE_TYPES = [
  'Accounting',
  'Banking',
  'BankFeed',
  'Commerce',
  'Expense',
  'Other',
  'Unknown',
] as const;

/** `null` or absent means the error is not a transient one. */
export const DATA_CONNECTION_ERROR_STATUSES = ['Active', 'Resolved'] as const;

export const dataConnectionErrorSchema = z.looseObject({
  statusCode: statusCode.nullish(),
  statusText: optionalString,
  errorMessage: optionalString,
  erroredOnUtc: codatDate.nullish(),
  status: openEnum(DATA_CONNECTION_ERROR_STATUSES).nullish(),
  resolvedOnUtc: codatDate.nullish(),
});

export const connectionSchema = z.looseObject({
  id: z.string(),
  integrationId: z.string(),
  /** Optional since 2026-04; the 4-letter platform key. */
  integrationKey: optionalString,
  sourceId: z.string(),
  sourceType: openEnum(SOURCE_TYPES),
  platformName: z.string(),
  /** Volatile for some platforms (fresh OTP per read): fetch on demand, never cache. */
  linkUrl: z.string(),
  status: openEnum(CONNECTION_STATUSES),
  lastSync: codatDate.nullish(),
  created: codatDate,
  dataConnectionErrors: z.array(dataConnectionErrorSchema).nullish(),
  connectionInfo: z.record(z.string(), z.unknown()).nullish(),
});

export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
export type SourceType = (typeof SOURCE_TYPES)[number];
export type DataConnectionError = z.infer<typeof dataConnectionErrorSchema>;
export type Connection = z.infer<typeof connectionSchema>;

export interface CreateConnectionInput {
  platformKey: string;
}

/** Free-form credentials for self-service token migration or Sage bank-feed auth. */
export type ConnectionAuthorization = Record<string, string>;
