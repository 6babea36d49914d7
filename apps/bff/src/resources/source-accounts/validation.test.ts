import { describe, expect, it } from 'vitest';
import { validateAccount, validateBatch } from './validation.js';

const v2Account = { id: 'acc-100', accountName: 'Operating', accountType: 'checking', accountNumber: '12345678', sortCode: '12-34-56', currency: 'GBP', balance: 0 };
const v1Account = { id: 'acc-100', accountName: 'Operating', accountType: 'Debit', accountNumber: '12345678', sortCode: '123456', currency: 'GBP', balance: 12.5 };

const errorsOf = (result: ReturnType<typeof validateAccount | typeof validateBatch>) => (result.ok ? [] : result.errors);

describe('source-account validation', () => {
  it('accepts a v2 account and normalises its sort code and account number', () => {
    const result = validateAccount({ ...v2Account, accountNumber: '1234 5678' }, 'v2');
    expect(result).toEqual({ ok: true, value: { ...v2Account, sortCode: '123456' } });
  });

  it('accepts a v1 account, including a minimal one with only an id', () => {
    expect(validateAccount(v1Account, 'v1').ok).toBe(true);
    expect(validateAccount({ id: 'only-id' }, 'v1').ok).toBe(true);
  });

  it('names each field and rule, all at once', () => {
    const errors = errorsOf(validateAccount({ id: 'bad id!', accountType: 'current', accountNumber: '12', currency: 'gbp', balance: '10', colour: 'red' }, 'v2'));
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'id', message: 'must be 1–50 characters of letters, digits, "-" or "_"' },
        { field: 'accountType', message: 'must be one of checking, savings, loan, creditCard, prepaidCard (this Codat client uses v2 source accounts)' },
        { field: 'accountNumber', message: expect.stringContaining('must be 4–20 digits') },
        { field: 'currency', message: 'must be an ISO 4217 code of three capital letters, such as GBP' },
        { field: 'balance', message: 'must be a finite number' },
        { field: 'colour', message: 'is not a source-account field' },
        { field: 'accountName', message: 'is required' },
      ]),
    );
  });

  it('requires a six-digit sort code for GBP accounts', () => {
    const { sortCode: _omitted, ...withoutSortCode } = v2Account;
    expect(errorsOf(validateAccount(withoutSortCode, 'v2'))).toEqual([{ field: 'sortCode', message: 'is required for GBP accounts (6 digits, e.g. 12-34-56)' }]);
    expect(errorsOf(validateAccount({ ...v2Account, sortCode: '12-34-5' }, 'v2'))[0]?.field).toBe('sortCode');
    expect(validateAccount({ ...withoutSortCode, currency: 'USD' }, 'v2').ok).toBe(true);
  });

  it('holds each account to the client’s version, or to its own shape when the version is unknown', () => {
    expect(errorsOf(validateAccount(v1Account, 'v2'))[0]?.field).toBe('accountType');
    expect(errorsOf(validateAccount({ ...v2Account, accountName: undefined, routingInfo: { type: 'sortcode' } }, 'v1'))).toEqual([
      { field: 'accountType', message: 'must be one of Credit, Debit (this Codat client uses v1 source accounts)' },
      { field: 'routingInfo', message: 'is only accepted for v2 source accounts (this Codat client uses v1)' },
    ]);
    expect(validateAccount(v1Account, undefined).ok).toBe(true);
    expect(validateAccount(v2Account, undefined).ok).toBe(true);
    expect(errorsOf(validateAccount({ ...v2Account, accountType: 'current' }, undefined))[0]?.message).toContain('or Credit, Debit for v1');
  });

  it('refuses batches with repeated ids, none, or more than 50 accounts', () => {
    const errors = errorsOf(validateBatch([v2Account, { ...v2Account, id: 'acc-101' }, v2Account], 'v2'));
    expect(errors).toEqual([{ field: 'accounts[2].id', message: 'repeats the id "acc-100" of accounts[0]' }]);
    expect(errorsOf(validateBatch([], 'v2'))).toEqual([{ field: 'accounts', message: 'must hold at least one source account' }]);
    const many = Array.from({ length: 51 }, (_, i) => ({ ...v2Account, id: `acc-${i}` }));
    expect(errorsOf(validateBatch(many, 'v2'))).toEqual([{ field: 'accounts', message: 'must hold at most 50 source accounts' }]);
    expect(errorsOf(validateBatch([v2Account, { ...v2Account, id: 'acc-2', currency: 'EURO' }], 'v2'))[0]?.field).toBe('accounts[1].currency');
  });

  it('holds a batch of unknown version to its first account’s shape', () => {
    expect(errorsOf(validateBatch([v2Account, { ...v1Account, id: 'acc-200' }], undefined))[0]?.field).toBe('accounts[1].accountType');
  });
});
