import { ROUTING_INFO_TYPES, SOURCE_ACCOUNT_V2_TYPES } from '@console/codat-client';
import { z } from 'zod';
import { singleLine } from '../../http/text.js';

export type SourceAccountVersion = 'v1' | 'v2';

/** v1's account type is free text for Codat; `Credit` and `Debit` are what it means in practice. */
export const V1_ACCOUNT_TYPES = ['Credit', 'Debit'] as const;
export const MAX_BATCH = 50;

const ACCOUNT_TYPES: Record<SourceAccountVersion, readonly string[]> = { v1: V1_ACCOUNT_TYPES, v2: SOURCE_ACCOUNT_V2_TYPES };
const V2_REQUIRED = ['accountName', 'accountType', 'accountNumber', 'currency', 'balance'] as const;

/** Field rules below still run when other fields failed, so the SPA can show every problem at once. */
const alongsideOtherIssues = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

const text = (max: number) =>
  singleLine(z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** `12-34-56`, `12 34 56` and `123456` are the same sort code; Codat is sent the six digits. */
export const sortCodeSchema = z
  .string({ error: 'must be text' })
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be 6 digits, written 123456 or 12-34-56'));

/** Domestic account numbers are digits; IBANs start with a country code. Spaces are dropped. */
export const accountNumberSchema = z
  .string({ error: 'must be text' })
  .transform((value) => value.replace(/\s/g, '').toUpperCase())
  .pipe(
    z.string().regex(/^(\d{4,20}|[A-Z]{2}\d{2}[A-Z0-9]{11,30})$/, 'must be 4–20 digits, or an IBAN such as GB33BUKB20201555555555'),
  );

const accountFields = z.strictObject({
  id: z
    .string({ error: 'is required' })
    .regex(/^[A-Za-z0-9_-]{1,50}$/, 'must be 1–50 characters of letters, digits, "-" or "_"'),
  accountName: text(100).optional(),
  accountType: singleLine(z.string({ error: 'must be text' })).optional(),
  accountNumber: accountNumberSchema.optional(),
  sortCode: sortCodeSchema.optional(),
  currency: z.string({ error: 'must be text' }).regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code of three capital letters, such as GBP').optional(),
  balance: z.number({ error: 'must be a finite number' }).optional(),
  routingInfo: z
    .strictObject({ bankCode: text(50).optional(), type: z.enum(ROUTING_INFO_TYPES, { error: `must be one of ${ROUTING_INFO_TYPES.join(', ')}` }).optional() })
    .optional(),
  accountInfo: z
    .strictObject({
      description: text(200).optional(),
      nickname: text(100).optional(),
      accountOpenDate: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }).optional(),
      availableBalance: z.number({ error: 'must be a finite number' }).optional(),
    })
    .optional(),
});

/**
 * The version an account body is written for, from its shape: a v2 account type or a v2-only
 * field says v2, `Credit`/`Debit` says v1, and a body with neither is a minimal v1 account.
 */
export function versionOfInput(raw: unknown): SourceAccountVersion | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { accountType, routingInfo, accountInfo } = raw as Record<string, unknown>;
  if ((SOURCE_ACCOUNT_V2_TYPES as readonly unknown[]).includes(accountType) || routingInfo !== undefined || accountInfo !== undefined) return 'v2';
  if ((V1_ACCOUNT_TYPES as readonly unknown[]).includes(accountType) || accountType === undefined) return 'v1';
  return undefined;
}

/**
 * One source account to create, for the version the Codat client uses (`undefined`: not known
 * yet, so each account is checked against the version its own shape suggests).
 */
export function sourceAccountInputSchema(version: SourceAccountVersion | undefined) {
  return accountFields.superRefine((account, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const target = version ?? versionOfInput(account);
    if (!target) {
      issue('accountType', `must be one of ${SOURCE_ACCOUNT_V2_TYPES.join(', ')} (or ${V1_ACCOUNT_TYPES.join(', ')} for v1 bank feeds)`);
      return;
    }
    if (typeof account.accountType === 'string' && !ACCOUNT_TYPES[target].includes(account.accountType)) {
      issue('accountType', `must be one of ${ACCOUNT_TYPES[target].join(', ')} (this Codat client uses ${target} source accounts)`);
    }
    if (target === 'v2') {
      for (const field of V2_REQUIRED) if (account[field] === undefined) issue(field, 'is required');
    } else {
      for (const field of ['routingInfo', 'accountInfo'] as const) {
        if (account[field] !== undefined) issue(field, 'is only accepted for v2 source accounts (this Codat client uses v1)');
      }
    }
    if (account.currency === 'GBP' && account.sortCode === undefined) issue('sortCode', 'is required for GBP accounts (6 digits, e.g. 12-34-56)');
  }, alongsideOtherIssues);
}

/** A batch: 1–50 accounts with distinct ids. */
export function sourceAccountBatchSchema(version: SourceAccountVersion | undefined) {
  return z
    .array(sourceAccountInputSchema(version), { error: 'must be a list of source accounts' })
    .min(1, 'must hold at least one source account')
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} source accounts`)
    .superRefine((accounts, ctx) => {
      const seen = new Map<string, number>();
      accounts.forEach((account: { id?: unknown } | null, index) => {
        const id = account?.id;
        if (typeof id !== 'string') return;
        const first = seen.get(id);
        if (first === undefined) seen.set(id, index);
        else ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `repeats the id "${id}" of accounts[${first}]` });
      });
    }, alongsideOtherIssues);
}

export type ValidSourceAccount = z.output<typeof accountFields>;
