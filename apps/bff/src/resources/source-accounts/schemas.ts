import { SOURCE_ACCOUNT_STATUSES } from '@console/codat-client';
import { z } from 'zod';
import { uuid } from '../../http/params.js';
import { singleLine } from '../../http/text.js';
import { MAX_BATCH, sourceAccountInputSchema } from './account-input.js';

/** Source accounts live under one connection of one company; every route names both. */
export const connectionRefSchema = z.strictObject({ companyId: uuid, connectionId: uuid });
export type ConnectionRef = z.infer<typeof connectionRefSchema>;

export const SOURCE_ACCOUNT_SORT_FIELDS = ['accountId', 'accountName', 'accountType', 'currency', 'status', 'modifiedDate'] as const;

export const sourceAccountRecordSchema = z.object({
  /** `<companyId>.<connectionId>.<accountId>` (the account id URL-encoded). */
  id: z.string(),
  companyId: z.string(),
  connectionId: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  accountType: z.string().nullable(),
  /** `••••1234`. The full number only ever leaves the BFF through the reveal route. */
  accountNumberMasked: z.string().nullable(),
  sortCodeMasked: z.string().optional(),
  currency: z.string().nullable(),
  balance: z.number().nullable(),
  status: z.string().nullable(),
  feedStartDate: z.string().optional(),
  modifiedDate: z.string().optional(),
  /** Which of Codat's source-account shapes the account came in. */
  version: z.enum(['v1', 'v2']),
  /** The target account in the accounting software, once mapped. */
  mapping: z
    .object({ targetAccountId: z.string(), targetAccountName: z.string().nullable(), status: z.string().nullable() })
    .optional(),
});
export type SourceAccountRecord = z.infer<typeof sourceAccountRecordSchema>;

/** The account bodies are checked by `account-input.ts` once the version is known. */
export const createEnvelope = connectionRefSchema.extend({ account: z.unknown() });
export const batchEnvelope = connectionRefSchema.extend({ accounts: z.unknown() });
export const validateEnvelope = z
  .strictObject({
    companyId: uuid.optional(),
    connectionId: uuid.optional(),
    /** The records' `version`; when omitted, the version seen last or the body's own shape. */
    version: z.enum(['v1', 'v2']).optional(),
    account: z.unknown().optional(),
    accounts: z.unknown().optional(),
  })
  .refine((body) => (body.account === undefined) !== (body.accounts === undefined), 'send either "account" or "accounts"');

const documentedAccount = sourceAccountInputSchema(undefined);
export const createBodyDoc = connectionRefSchema.extend({ account: documentedAccount });
export const batchBodyDoc = connectionRefSchema.extend({ accounts: z.array(documentedAccount).max(MAX_BATCH) });
export const validateBodyDoc = z.strictObject({
  version: z.enum(['v1', 'v2']).optional(),
  account: documentedAccount.optional(),
  accounts: z.array(documentedAccount).optional(),
});

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const validationResultSchema = z.object({
  valid: z.boolean(),
  errors: z.array(fieldErrorSchema),
  version: z.enum(['v1', 'v2']).optional(),
});

export const batchResultSchema = z.object({
  created: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      accountId: z.string(),
      created: z.boolean(),
      record: sourceAccountRecordSchema.optional(),
      /** Codat's per-account status (`"409"` for an id already on the connection). */
      statusCode: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

/**
 * react-admin's update sends the whole record back, edits included. Every record field is
 * accepted; which ones may actually change is decided against the account read from Codat.
 */
export const updateBodySchema = sourceAccountRecordSchema
  .partial()
  .extend({
    accountName: singleLine(z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters')).nullish(),
    balance: z.number({ error: 'must be a finite number' }).nullish(),
    status: z.enum(SOURCE_ACCOUNT_STATUSES).nullish(),
    mapping: z.unknown().optional(),
  })
  .strict();
export type UpdateBody = z.infer<typeof updateBodySchema>;

export const revealedSchema = z.object({
  accountNumber: z.string().nullable(),
  sortCode: z.string().nullable(),
  routingInfo: z.object({ type: z.string().nullable(), bankCode: z.string().nullable() }).optional(),
});
