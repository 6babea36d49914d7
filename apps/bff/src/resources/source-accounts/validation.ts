import type { z } from 'zod';
import { badRequest } from '../../http/api-error.js';
import {
  sourceAccountBatchSchema,
  sourceAccountInputSchema,
  versionOfInput,
  type SourceAccountVersion,
  type ValidSourceAccount,
} from './account-input.js';
import type { FieldError } from './schemas.js';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** `sortCode` for a single account, `accounts[2].sortCode` in a batch. */
function fieldName(root: string, path: readonly PropertyKey[]): string {
  const name = path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), root);
  return name || 'account';
}

function fieldErrors(error: z.ZodError, root: string): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldName(root, [...issue.path, key]), message: 'is not a source-account field' }))
      : [{ field: fieldName(root, issue.path), message: issue.message }],
  );
}

function validate<T>(schema: z.ZodType<T>, raw: unknown, root: string): Validation<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error, root) };
}

/** One account; with the version unknown, checked against the version its shape suggests. */
export function validateAccount(raw: unknown, version: SourceAccountVersion | undefined): Validation<ValidSourceAccount> {
  return validate(sourceAccountInputSchema(version), raw, '') as Validation<ValidSourceAccount>;
}

/** A batch goes to one connection, so all its accounts are held to one version: the first account's if unknown. */
export function validateBatch(raw: unknown, version: SourceAccountVersion | undefined): Validation<ValidSourceAccount[]> {
  const batchVersion = version ?? (Array.isArray(raw) ? raw.map(versionOfInput).find(Boolean) : undefined);
  return validate(sourceAccountBatchSchema(batchVersion), raw, 'accounts') as Validation<ValidSourceAccount[]>;
}

/** The 400 for invalid accounts: every problem in the message, and as `{ field, message }` in details. */
export function invalidAccounts(errors: FieldError[]) {
  return badRequest(`Invalid source account: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`, { errors });
}
