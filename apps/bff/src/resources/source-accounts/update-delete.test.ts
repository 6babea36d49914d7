import { DEMO_FIXTURES } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codatCalls } from '../../../test/codat-calls.js';
import { startStack, type Stack } from '../../../test/stack.js';
import type { SourceAccountRecord } from './schemas.js';

const feed = DEMO_FIXTURES.bankFeedAccounts;
const pending = DEMO_FIXTURES.pendingBankFeed;
const urlOf = (companyId: string, connectionId: string, accountId: string) => `/api/source-accounts/${companyId}.${connectionId}.${accountId}`;

describe.each(['v1', 'v2'] as const)('updating and deleting source accounts on a %s Codat client', (version) => {
  let stack: Stack;
  const storedAccount = (connectionId: string, id: string) => stack.emu.store.sourceAccounts.get(connectionId)!.find((a) => a.id === id);
  const read = async (url: string) => (await stack.json<SourceAccountRecord>(url)).body;
  const put = (url: string, body: unknown) => stack.json(url, { method: 'PUT', body });
  beforeAll(async () => {
    stack = await startStack({ emulator: { bankFeedsVersion: version } });
  });
  afterAll(() => stack.close());

  it('renames an account from the whole record react-admin sends back', async () => {
    const url = urlOf(feed.companyId, feed.connectionId, 'acc-001');
    const record = await read(url);
    const { status, body } = await put(url, { ...record, accountName: '  Main account ' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ accountName: 'Main account', status: 'connected', mapping: record.mapping });
    expect(storedAccount(feed.connectionId, 'acc-001')!.accountName).toBe('Main account');
  });

  it('sends nothing to Codat when nothing changed', async () => {
    const url = urlOf(feed.companyId, feed.connectionId, 'acc-001');
    const record = await read(url);
    const before = codatCalls(stack);
    const { status, body } = await put(url, record);
    expect(status).toBe(200);
    expect(body).toEqual(record);
    expect(codatCalls(stack) - before).toBe(2); // the list and mapping reads, no PATCH
  });

  it('names the fields that cannot change, and changes nothing', async () => {
    const url = urlOf(feed.companyId, feed.connectionId, 'acc-002');
    const record = await read(url);
    const { status, body } = await put(url, { ...record, accountName: 'Renamed', currency: 'EUR', balance: 1, accountNumberMasked: '••••0000' });
    expect(status).toBe(400);
    const fields = body.error.details.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['balance', 'accountNumberMasked', 'currency']);
    expect(body.error.message).toContain(version === 'v1' ? 'balance (cannot change while the account is connected)' : 'only accountName can change on v2 source accounts');
    expect(storedAccount(feed.connectionId, 'acc-002')!.accountName).toBe(record.accountName);
  });

  it.runIf(version === 'v1')('v1: disconnects an account, after which its balance may change', async () => {
    const url = urlOf(feed.companyId, feed.connectionId, 'acc-002');
    const record = await read(url);
    expect((await put(url, { ...record, status: 'pending' })).body.error.details.errors).toEqual([{ field: 'status', message: 'can only be set to disconnected' }]);
    const disconnected = await put(url, { ...record, status: 'disconnected' });
    expect(disconnected.status).toBe(200);
    expect(disconnected.body).toMatchObject({ status: 'disconnected' });
    expect(disconnected.body.mapping).toBeUndefined();
    const rebalanced = await put(url, { ...disconnected.body, balance: 99.99 });
    expect(rebalanced.body).toMatchObject({ balance: 99.99, status: 'disconnected' });
  });

  it.runIf(version === 'v2')('v2: refuses a status change', async () => {
    const url = urlOf(feed.companyId, feed.connectionId, 'acc-002');
    const { status, body } = await put(url, { ...(await read(url)), status: 'disconnected' });
    expect(status).toBe(400);
    expect(body.error.details.errors).toEqual([{ field: 'status', message: 'cannot change: only accountName can change on v2 source accounts' }]);
  });

  it('refuses an unknown field or a bad value before reading Codat', async () => {
    const url = urlOf(feed.companyId, feed.connectionId, 'acc-001');
    const before = codatCalls(stack);
    expect((await put(url, { accountName: 'x', colour: 'red' })).status).toBe(400);
    expect((await put(url, { accountName: '' })).status).toBe(400);
    expect(codatCalls(stack)).toBe(before);
  });

  it('deletes an account and answers the record as it was', async () => {
    const url = urlOf(pending.companyId, pending.connectionId, 'acc-001');
    const record = await read(url);
    const { status, body } = await stack.json(url, { method: 'DELETE' });
    expect(status).toBe(200);
    expect(body).toEqual(record);
    expect(storedAccount(pending.connectionId, 'acc-001')).toBeUndefined();
    expect((await stack.json(url)).status).toBe(404);
    expect((await stack.json(url, { method: 'DELETE' })).status).toBe(404);
  });
});
