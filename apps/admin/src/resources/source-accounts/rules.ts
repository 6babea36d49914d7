/**
 * The BFF's source-account rules (apps/bff resources/source-accounts/account-input.ts), run as
 * the user types; the server's check (POST /api/source-accounts/validate) has the final word.
 */
export type Version = 'v1' | 'v2';

export const ACCOUNT_TYPES: Record<Version, readonly string[]> = {
  v1: ['Credit', 'Debit'],
  v2: ['checking', 'savings', 'loan', 'creditCard', 'prepaidCard'],
};

export const FIELDS = ['id', 'accountName', 'accountType', 'accountNumber', 'sortCode', 'currency', 'balance'] as const;
export type Field = (typeof FIELDS)[number];
/** What the form holds: text as typed. */
export type AccountDraft = Record<Field, string>;
export type FieldErrors = Partial<Record<Field, string>>;

export const FIELD_LABELS: Record<Field, string> = {
  id: 'Account id',
  accountName: 'Account name',
  accountType: 'Account type',
  accountNumber: 'Account number',
  sortCode: 'Sort code',
  currency: 'Currency',
  balance: 'Balance',
};

export const emptyDraft = (): AccountDraft => ({ id: '', accountName: '', accountType: '', accountNumber: '', sortCode: '', currency: '', balance: '' });

const V2_REQUIRED: readonly Field[] = ['accountName', 'accountType', 'accountNumber', 'currency', 'balance'];

/** Fields required for `version`: the id always; v2 also needs name, type, number, currency, balance. */
export const isRequired = (field: Field, version: Version, draft?: AccountDraft) =>
  field === 'id' || (version === 'v2' && V2_REQUIRED.includes(field)) || (field === 'sortCode' && draft?.currency.trim() === 'GBP');

/** The draft as the BFF takes it: trimmed, empty fields left out, the balance a number. */
export function toPayload(draft: AccountDraft): Record<string, string | number> {
  const payload: Record<string, string | number> = {};
  for (const field of FIELDS) {
    const value = draft[field].trim();
    if (value === '') continue;
    payload[field] = field === 'balance' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return payload;
}

/** Every problem with the draft, in the BFF's words. */
export function checkDraft(draft: AccountDraft, version: Version): FieldErrors {
  const errors: FieldErrors = {};
  const value = (field: Field) => draft[field].trim();
  for (const field of FIELDS) if (isRequired(field, version, draft) && value(field) === '') errors[field] = field === 'sortCode' ? 'is required for GBP accounts (6 digits, e.g. 12-34-56)' : 'is required';

  if (value('id') && !/^[A-Za-z0-9_-]{1,50}$/.test(value('id'))) errors.id = 'must be 1–50 characters of letters, digits, "-" or "_"';
  if (value('accountName').length > 100) errors.accountName = 'must be at most 100 characters';
  if (value('accountType') && !ACCOUNT_TYPES[version].includes(value('accountType'))) {
    errors.accountType = `must be one of ${ACCOUNT_TYPES[version].join(', ')}`;
  }
  const number = value('accountNumber').replace(/\s/g, '').toUpperCase();
  if (number && !/^(\d{4,20}|[A-Z]{2}\d{2}[A-Z0-9]{11,30})$/.test(number)) {
    errors.accountNumber = 'must be 4–20 digits, or an IBAN such as GB33BUKB20201555555555';
  }
  const sortCode = value('sortCode').replace(/[\s-]/g, '');
  if (sortCode && !/^\d{6}$/.test(sortCode)) errors.sortCode = 'must be 6 digits, written 123456 or 12-34-56';
  if (value('currency') && !/^[A-Z]{3}$/.test(value('currency'))) errors.currency = 'must be an ISO 4217 code of three capital letters, such as GBP';
  if (value('balance') && !Number.isFinite(Number(value('balance')))) errors.balance = 'must be a number, such as 1250.50';
  return errors;
}

/** The BFF names fields `sortCode` or `accounts[2].sortCode`; errors for one row (or the single form). */
export function serverErrorsFor(errors: ReadonlyArray<{ field: string; message: string }>, row?: number): FieldErrors {
  const prefix = row === undefined ? '' : `accounts[${row}].`;
  const result: FieldErrors = {};
  for (const { field, message } of errors) {
    if (!field.startsWith(prefix)) continue;
    const name = field.slice(prefix.length).split('.')[0] as Field;
    if ((FIELDS as readonly string[]).includes(name) && !result[name]) result[name] = message;
  }
  return result;
}

/** Server errors for fields the form has no input for (still shown, never dropped). */
export function otherServerErrors(errors: ReadonlyArray<{ field: string; message: string }>): string[] {
  return errors
    .filter(({ field }) => !(FIELDS as readonly string[]).includes(field.replace(/^accounts\[\d+\]\./, '').split('.')[0]!))
    .map(({ field, message }) => `${field} ${message}`);
}

/** "Currency must be …" as a sentence under the field. */
export const sentence = (field: Field, message: string) => `${FIELD_LABELS[field]} ${message}${/[.)]$/.test(message) ? '' : '.'}`;
