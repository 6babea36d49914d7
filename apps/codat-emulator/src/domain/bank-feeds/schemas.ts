import { z } from 'zod';
import type { BankFeedsVersion } from '../../config.js';

/** Codat accepts any ISO-8601 shape for `DateTime` (with or without fraction or offset). */
const dateTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'Expected an ISO-8601 date-time.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.');
const currency = z.string().regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code such as GBP.');

export const V2_ACCOUNT_TYPES = ['checking', 'savings', 'loan', 'creditCard', 'prepaidCard'] as const;
const ROUTING_TYPES = ['rtn', 'aba', 'swift', 'bsb', 'iban', 'nz2', 'trno', 'sortcode', 'blz', 'ifsc', 'bankcode', 'apca', 'clabe'] as const;

export const SOURCE_ACCOUNT_STATUSES = ['pending', 'connected', 'connecting', 'disconnected', 'unknown'] as const;

/** v1 `sourceAccountPrototype`: only `id` is required; `accountType` is free text (`Credit`/`Debit`). */
export const v1Prototype = z.strictObject({
  id: z.string().min(1),
  accountName: z.string().nullish(),
  accountType: z.string().nullish(),
  accountNumber: z.string().nullish(),
  sortCode: z.string().nullish(),
  currency: currency.nullish(),
  balance: z.number().nullish(),
  modifiedDate: dateTime.nullish(),
});

const routingInfo = z.strictObject({
  bankCode: z.string().nullish(),
  type: z.enum(ROUTING_TYPES).nullish(),
});

const accountInfo = z.strictObject({
  description: z.string().nullish(),
  nickname: z.string().nullish(),
  accountOpenDate: isoDate.nullish(),
  availableBalance: z.number().nullish(),
});

/** v2 `sourceAccountV2Prototype`; Codat's docs add that GBP accounts need a sort code. */
export const v2Prototype = z
  .strictObject({
    id: z.string().min(1),
    accountName: z.string().min(1),
    accountType: z.enum(V2_ACCOUNT_TYPES),
    accountNumber: z.string().min(1),
    routingInfo: routingInfo.optional(),
    sortCode: z.string().nullish(),
    currency,
    balance: z.number(),
    modifiedDate: dateTime.nullish(),
    accountInfo: accountInfo.nullish(),
  })
  .refine((account) => account.currency !== 'GBP' || !!account.sortCode, {
    path: ['sortCode'],
    message: 'A sort code is required for GBP accounts.',
  });

export type V1Prototype = z.input<typeof v1Prototype>;
export type V2Prototype = z.input<typeof v2Prototype>;

/** PATCH bodies are the full account schema with every field optional; which may change is checked after. */
export const v1Patch = v1Prototype.extend({
  id: z.string().optional(),
  status: z.enum(SOURCE_ACCOUNT_STATUSES).nullish(),
  feedStartDate: dateTime.nullish(),
});

export const v2Patch = z.strictObject({
  id: z.string().optional(),
  accountName: z.string().min(1).optional(),
  accountType: z.enum(V2_ACCOUNT_TYPES).optional(),
  accountNumber: z.string().optional(),
  routingInfo: routingInfo.optional(),
  sortCode: z.string().nullish(),
  currency: currency.optional(),
  balance: z.number().optional(),
  modifiedDate: dateTime.nullish(),
  accountInfo: accountInfo.nullish(),
  status: z.enum(SOURCE_ACCOUNT_STATUSES).nullish(),
  feedStartDate: isoDate.nullish(),
});

export const mappingRequest = z.strictObject({
  sourceAccountId: z.string().min(1),
  targetAccountId: z.string().min(1).nullish(),
  feedStartDate: dateTime.nullish(),
});

export function prototypeSchema(version: BankFeedsVersion) {
  return version === 'v1' ? v1Prototype : v2Prototype;
}
