import { z } from 'zod';
import { codatDate, openEnum, optionalNumber, optionalString, statusCode } from './common.js';

export const SOURCE_ACCOUNT_STATUSES = [
  'pending',
  'connected',
  'connecting',
  'disconnected',
  'unknown',
] as const;

export const SOURCE_ACCOUNT_V2_TYPES = [
  'checking',
  'savings',
  'loan',
  'creditCard',
  'prepaidCard',
] as const;

export const ROUTING_INFO_TYPES = [
  'rtn',
  'aba',
  'swift',
  'bsb',
  'iban',
  'nz2',
  'trno',
  'sortcode',
  'blz',
  'ifsc',
  'bankcode',
  'apca',
  'clabe',
] as const;

const sourceAccountStatus = openEnum(SOURCE_ACCOUNT_STATUSES).nullish();

/** Clients that integrated before 2024-08: only `id` is required; `feedStartDate` is a date-time. */
export const sourceAccountV1Schema = z.looseObject({
  id: z.string(),
  accountName: optionalString,
  /** Free text; `Credit` / `Debit` in practice. */
  accountType: optionalString,
  accountNumber: optionalString,
  sortCode: optionalString,
  currency: optionalString,
  balance: optionalNumber,
  modifiedDate: codatDate.nullish(),
  status: sourceAccountStatus,
  feedStartDate: codatDate.nullish(),
});

/** Clients that integrated from 2024-08: `feedStartDate` and `accountOpenDate` are date-only. */
export const sourceAccountV2Schema = z.looseObject({
  id: z.string(),
  accountName: z.string(),
  accountType: openEnum(SOURCE_ACCOUNT_V2_TYPES),
  accountNumber: z.string(),
  currency: z.string(),
  balance: z.number(),
  sortCode: optionalString,
  routingInfo: z
    .looseObject({ bankCode: optionalString, type: openEnum(ROUTING_INFO_TYPES).nullish() })
    .nullish(),
  accountInfo: z
    .looseObject({
      description: optionalString,
      nickname: optionalString,
      accountOpenDate: codatDate.nullish(),
      availableBalance: optionalNumber,
    })
    .nullish(),
  modifiedDate: codatDate.nullish(),
  status: sourceAccountStatus,
  feedStartDate: codatDate.nullish(),
});

/**
 * Either shape; the version is a property of the Codat client, not of the payload. Both are
 * loose, so every field sent is kept whichever branch matched — use `isSourceAccountV2` to narrow.
 */
export const sourceAccountSchema = z.union([sourceAccountV2Schema, sourceAccountV1Schema]);

/** Per-account result of a batch create: integer `statusCode` on success, a string (`"409"`) on error. */
export const sourceAccountBatchResultSchema = z.looseObject({
  sourceAccountId: optionalString,
  result: z.looseObject({
    statusCode,
    error: optionalString,
    account: sourceAccountSchema.nullish(),
  }),
});

export const bankFeedCredentialsSchema = z.looseObject({
  username: optionalString,
  password: optionalString,
});

const targetAccountOptionSchema = z.looseObject({
  id: optionalString,
  name: optionalString,
  balance: optionalNumber,
  sortCode: optionalString,
  accountNumber: optionalString,
});

/** Mapping `status` is untyped and mixed-case in practice (`pending`, `connected`, `Failed`, …). */
export const bankFeedMappingSchema = z.looseObject({
  sourceAccountId: optionalString,
  sourceAccountName: optionalString,
  sourceAccountNumber: optionalString,
  sourceBalance: optionalNumber,
  sourceCurrency: optionalString,
  targetAccountId: optionalString,
  targetAccountName: optionalString,
  status: optionalString,
  targetAccountOptions: z.array(targetAccountOptionSchema).nullish(),
  feedStartDate: codatDate.nullish(),
});

export const bankFeedMappingResultSchema = z.looseObject({
  sourceAccountId: optionalString,
  targetAccountId: optionalString,
  status: optionalString,
  error: optionalString,
});

export const sageOtpSchema = z.looseObject({ otp: z.string(), expiry: codatDate });

export type SourceAccountStatus = (typeof SOURCE_ACCOUNT_STATUSES)[number];
export type SourceAccountV1 = z.infer<typeof sourceAccountV1Schema>;
export type SourceAccountV2 = z.infer<typeof sourceAccountV2Schema>;
export type SourceAccount = SourceAccountV1 | SourceAccountV2;
export type SourceAccountBatchResult = z.infer<typeof sourceAccountBatchResultSchema>;
export type BankFeedCredentials = z.infer<typeof bankFeedCredentialsSchema>;
export type TargetAccountOption = z.infer<typeof targetAccountOptionSchema>;
export type BankFeedMapping = z.infer<typeof bankFeedMappingSchema>;
export type BankFeedMappingResult = z.infer<typeof bankFeedMappingResultSchema>;
export type SageOtp = z.infer<typeof sageOtpSchema>;

/** v2 when the account type is a v2 value or a v2-only field is present. */
export function isSourceAccountV2(account: SourceAccount): account is SourceAccountV2 {
  return (
    (SOURCE_ACCOUNT_V2_TYPES as readonly unknown[]).includes(account.accountType) ||
    account.routingInfo !== undefined ||
    account.accountInfo !== undefined
  );
}
