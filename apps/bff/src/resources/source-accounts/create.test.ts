import { DEMO_FIXTURES } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codatCalls } from '../../../test/codat-calls.js';
import { startStack, type Stack } from '../../../test/stack.js';
import type { BatchResult, SourceAccountRecord } from './schemas.js';

const { companyId, connectionId } = DEMO_FIXTURES.pendingBankFeed;
const ref = { companyId, connectionId };

const sample = {
  v1: (id: string, overrides: object = {}) => ({ id, accountName: 'Tills', accountType: 'Debit', accountNumber: '12345678', sortCode: '12-34-56', currency: 'GBP', balance: 10.5, ...overrides }),
  v2: (id: string, overrides: object = {}) => ({ id, accountName: 'Tills', accountType: 'checking', accountNumber: '12345678', sortCode: '12-34-56', currency: 'GBP', balance: 10.5, ...overrides }),
};

describe.each(['v1', 'v2'] as const)('creating source accounts on a %s Codat client', (version) => {
  const other = version === 'v1' ? 'v2' : 'v1';
  let stack: Stack;
  const storedIds = () => stack.emu.store.sourceAccounts.get(connectionId)!.map((account) => account.id);
  const post = (path: string, body: unknown) => stack.json(`/api/source-accounts${path}`, { method: 'POST', body });
  beforeAll(async () => {
    stack = await startStack({ emulator: { bankFeedsVersion: version } });
  });
  afterAll(() => stack.close());

  // First, while the BFF has not yet seen which version the client uses.
  it(`refuses a ${other}-shaped account once the connection shows the client uses ${version}`, async () => {
    const { status, body } = await post('', { ...ref, account: sample[other]('acc-shape') });
    expect(status).toBe(400);
    expect(body.error.details.errors).toContainEqual(expect.objectContaining({ field: 'accountType', message: expect.stringContaining(`uses ${version}`) }));
    expect(storedIds()).toEqual(['acc-001']);
  });

  it('creates one account, normalising the sort code, and answers its masked record', async () => {
    const { status, body } = await post('', { ...ref, account: sample[version]('acc-new') });
    expect(status).toBe(201);
    expect(body).toMatchObject({ id: `${companyId}.${connectionId}.acc-new`, status: 'pending', accountNumberMasked: '••••5678', sortCodeMasked: '••-••-56', version });
    expect(stack.emu.store.sourceAccounts.get(connectionId)!.find((a) => a.id === 'acc-new')).toMatchObject({ sortCode: '123456', accountNumber: '12345678' });
  });

  it('answers 409 with Codat’s message for an id already on the connection', async () => {
    const { status, body } = await post('', { ...ref, account: sample[version]('acc-001') });
    expect(status).toBe(409);
    expect(body.error.message).toContain('A bank account already exists with the same Id');
  });

  it('refuses a GBP account without a sort code before calling Codat', async () => {
    const before = codatCalls(stack);
    const { status, body } = await post('', { ...ref, account: sample[version]('acc-gbp', { sortCode: undefined }) });
    expect(status).toBe(400);
    expect(body.error.message).toContain('sortCode is required for GBP accounts');
    expect(body.error.details.errors).toEqual([{ field: 'sortCode', message: 'is required for GBP accounts (6 digits, e.g. 12-34-56)' }]);
    expect(codatCalls(stack)).toBe(before);
    expect(storedIds()).not.toContain('acc-gbp');
  });

  it('creates a batch, reporting each account: created, or refused with Codat’s reason', async () => {
    const { status, body } = await post('/batch', { ...ref, accounts: [sample[version]('acc-b1'), sample[version]('acc-001'), sample[version]('acc-b2', { currency: 'USD', sortCode: undefined })] });
    expect(status).toBe(207);
    const result = body as BatchResult;
    expect(result).toMatchObject({ created: 2, failed: 1 });
    expect(result.results.map((r) => [r.accountId, r.created])).toEqual([['acc-b1', true], ['acc-001', false], ['acc-b2', true]]);
    expect(result.results[1]).toMatchObject({ statusCode: '409', error: 'A bank account already exists with the same Id' });
    expect(result.results[2]!.record).toMatchObject({ id: `${companyId}.${connectionId}.acc-b2`, currency: 'USD', version });
    const allNew = await post('/batch', { ...ref, accounts: [sample[version]('acc-b3')] });
    expect(allNew.status).toBe(201);
  });

  it('refuses a batch with repeated ids, or any invalid account, creating nothing', async () => {
    const before = storedIds();
    const repeated = await post('/batch', { ...ref, accounts: [sample[version]('acc-r1'), sample[version]('acc-r1')] });
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.details.errors).toEqual([{ field: 'accounts[1].id', message: 'repeats the id "acc-r1" of accounts[0]' }]);
    const invalid = await post('/batch', { ...ref, accounts: [sample[version]('acc-r2'), sample[version]('acc-r3', { sortCode: undefined })] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.errors[0].field).toBe('accounts[1].sortCode');
    expect(storedIds()).toEqual(before);
  });

  it('validates as the user types, without calling Codat', async () => {
    const before = codatCalls(stack);
    const valid = await post('/validate', { account: sample[version]('acc-v1') });
    expect(valid.body).toEqual({ valid: true, errors: [], version });
    const invalid = await post('/validate', { account: { id: 'a b', accountType: version === 'v1' ? 'Debit' : 'checking', currency: 'gbp', balance: 'lots' } });
    expect(invalid.body.valid).toBe(false);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['id', 'currency', 'balance']));
    const batch = await post('/validate', { accounts: [sample[version]('x'), sample[version]('x')] });
    expect(batch.body.errors).toEqual([{ field: 'accounts[1].id', message: 'repeats the id "x" of accounts[0]' }]);
    expect((await post('/validate', { account: {}, accounts: [] })).status).toBe(400);
    expect(codatCalls(stack)).toBe(before);
  });

  it('explains that only bank-feed connections take source accounts', async () => {
    const { status, body } = await post('', { companyId, connectionId: DEMO_FIXTURES.pendingBankFeed.accountingConnectionId, account: sample[version]('acc-x') });
    expect(status).toBe(404);
    expect(body.error.message).toContain('source accounts exist only on bank-feed connections');
  });

  it('answers 400 for a missing or malformed company or connection', async () => {
    const { status, body } = await post('', { companyId: 'nope', account: sample[version]('acc-y') });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/companyId[\s\S]*connectionId/);
    expect((await stack.json<SourceAccountRecord>('/api/source-accounts', { method: 'POST', body: 'not json' })).status).toBe(400);
  });
});
