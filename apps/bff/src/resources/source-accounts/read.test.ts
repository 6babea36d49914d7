import { DEMO_FIXTURES } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../test/stack.js';
import type { SourceAccountRecord } from './schemas.js';

const feed = DEMO_FIXTURES.bankFeedAccounts;
const pending = DEMO_FIXTURES.pendingBankFeed;
const list = (filter: object, extra = '') => `/api/source-accounts?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

describe.each(['v1', 'v2'] as const)('reading source accounts from a %s Codat client', (version) => {
  let stack: Stack;
  const stored = (connectionId: string) => stack.emu.store.sourceAccounts.get(connectionId)!;
  beforeAll(async () => {
    stack = await startStack({ emulator: { bankFeedsVersion: version } });
  });
  afterAll(() => stack.close());

  it('lists a connection’s accounts with numbers masked and their mapping', async () => {
    const response = await stack.request(list({ companyId: feed.companyId, connectionId: feed.connectionId }));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Range')).toBe('source-accounts 0-1/2');
    const records = JSON.parse(text) as SourceAccountRecord[];
    expect(records.map((r) => r.accountId)).toEqual([...feed.sourceAccountIds]);
    for (const [i, account] of stored(feed.connectionId).entries()) {
      expect(text).not.toContain(account.accountNumber!);
      expect(text).not.toContain(account.sortCode!);
      expect(records[i]).toMatchObject({
        id: `${feed.companyId}.${feed.connectionId}.${account.id}`,
        companyId: feed.companyId,
        connectionId: feed.connectionId,
        accountName: account.accountName,
        accountType: account.accountType,
        accountNumberMasked: `••••${account.accountNumber!.slice(-4)}`,
        sortCodeMasked: `••-••-${account.sortCode!.slice(-2)}`,
        currency: 'GBP',
        balance: account.balance,
        status: 'connected',
        feedStartDate: account.feedStartDate,
        version,
        mapping: { targetAccountId: account.targetAccountId, status: 'connected', targetAccountName: expect.any(String) },
      });
    }
  });

  it('lists a pending feed’s account without a mapping, and sorts on request', async () => {
    const { body } = await stack.json<SourceAccountRecord[]>(list({ companyId: pending.companyId, connectionId: pending.connectionId }));
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ accountId: 'acc-001', status: 'pending', currency: 'USD', version });
    expect(body[0]!.mapping).toBeUndefined();
    const sorted = await stack.json<SourceAccountRecord[]>(
      list({ companyId: feed.companyId, connectionId: feed.connectionId }, `&sort=${encodeURIComponent('["accountId","DESC"]')}`),
    );
    expect(sorted.body.map((r) => r.accountId)).toEqual([...feed.sourceAccountIds].reverse());
  });

  it('gets one account by its composite id, and reveals its details only on request', async () => {
    const id = `${feed.companyId}.${feed.connectionId}.acc-002`;
    const one = await stack.json<SourceAccountRecord>(`/api/source-accounts/${encodeURIComponent(id)}`);
    expect(one.body).toMatchObject({ id, accountId: 'acc-002', version });
    expect(one.body).not.toHaveProperty('accountNumber');
    const revealed = await stack.json(`/api/source-accounts/${encodeURIComponent(id)}/reveal`, { method: 'POST' });
    const account = stored(feed.connectionId)[1]!;
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('Cache-Control')).toBe('no-store');
    expect(revealed.body).toMatchObject({ accountNumber: account.accountNumber, sortCode: account.sortCode });
  });

  it('explains that only bank-feed connections have source accounts', async () => {
    const { status, body } = await stack.json(list({ companyId: pending.companyId, connectionId: pending.accountingConnectionId }));
    expect(status).toBe(404);
    expect(body.error.message).toContain('source accounts exist only on bank-feed connections');
    expect(body.error.codatCorrelationId).toBeTruthy();
  });

  it('answers 404 for an unknown account and 400 for a malformed id or filter', async () => {
    const missing = await stack.json(`/api/source-accounts/${feed.companyId}.${feed.connectionId}.acc-999`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('has no source account "acc-999"');
    const malformed = await stack.json(`/api/source-accounts/${feed.companyId}.acc-001`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('<companyId>.<connectionId>.<accountId>');
    expect((await stack.json(list({ companyId: feed.companyId }))).status).toBe(400);
  });
});
