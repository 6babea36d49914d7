import { describe, expect, it } from 'vitest';
import { storeCompany, storeConnection } from '../../../test/store-records.js';
import { testEmulator } from '../../../test/support.js';
import type { BankFeedsVersion } from '../../config.js';

function setUp(bankFeedsVersion: BankFeedsVersion = 'v2', platformKey = 'hcws') {
  const t = testEmulator({ bankFeedsVersion });
  const company = storeCompany(t.emu);
  const connection = storeConnection(t.emu, company, platformKey, 'PendingAuth');
  const base = `/companies/${company.id}/connections/${connection.id}/connectionInfo/bankFeedAccounts`;
  return { ...t, company, connection, base };
}

const checking = {
  id: 'acc-001',
  accountName: 'Business Current',
  accountType: 'checking',
  accountNumber: '12345670',
  sortCode: '123456',
  currency: 'GBP',
  balance: 99.99,
};

describe('source accounts (v2)', () => {
  it('creates a pending account and lists it as a bare array', async () => {
    const { json, base } = setUp();
    const created = await json(base, { method: 'POST', body: checking });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...checking, status: 'pending' });
    expect(created.body.modifiedDate).toEqual(expect.any(String));
    expect(created.body).not.toHaveProperty('feedStartDate');
    const listed = await json(base);
    expect(listed.body).toEqual([created.body]);
  });

  it('validates required fields, enums, currency, GBP sort codes and unknown keys', async () => {
    const { json, base } = setUp();
    const post = (body: unknown) => json(base, { method: 'POST', body });
    const { sortCode: _sortCode, ...withoutSortCode } = checking;
    const missing = await post({ id: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.validation.errors.map((e: { itemId: string }) => e.itemId)).toEqual(
      expect.arrayContaining(['accountName', 'accountType', 'accountNumber', 'currency', 'balance']),
    );
    expect((await post({ ...checking, accountType: 'Credit' })).status).toBe(400);
    expect((await post({ ...checking, currency: 'gbp' })).status).toBe(400);
    expect((await post({ ...checking, colour: 'blue' })).status).toBe(400);
    const noSortCode = await post(withoutSortCode);
    expect(noSortCode.status).toBe(400);
    expect(noSortCode.body.validation.errors[0]).toMatchObject({ itemId: 'sortCode', message: 'A sort code is required for GBP accounts.' });
    expect((await post({ ...withoutSortCode, currency: 'USD' })).status).toBe(200);
  });

  it('refuses a duplicate id on a single create with 400', async () => {
    const { json, base } = setUp();
    await json(base, { method: 'POST', body: checking });
    const duplicate = await json(base, { method: 'POST', body: { ...checking, accountName: 'Again' } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error).toBe('A bank account already exists with the same Id');
  });

  it('batch-creates with 201, 207 (string "409" items) and 409', async () => {
    const { json, base } = setUp();
    const second = { ...checking, id: 'acc-002' };
    const all = await json(`${base}/batch`, { method: 'POST', body: [checking] });
    expect(all.status).toBe(201);
    expect(all.body).toEqual([
      { sourceAccountId: 'acc-001', result: { statusCode: 201, account: expect.objectContaining({ id: 'acc-001', status: 'pending' }) } },
    ]);

    const mixed = await json(`${base}/batch`, { method: 'POST', body: [checking, second, second] });
    expect(mixed.status).toBe(207);
    expect(mixed.body.map((item: { result: { statusCode: unknown } }) => item.result.statusCode)).toEqual(['409', 201, '409']);
    expect(mixed.body[0].result).toEqual({ statusCode: '409', error: 'A bank account already exists with the same Id' });

    const none = await json(`${base}/batch`, { method: 'POST', body: [checking] });
    expect(none.status).toBe(409);
    expect((await json(base)).body).toHaveLength(2);
    expect((await json(`${base}/batch`, { method: 'POST', body: [] })).status).toBe(400);
  });

  it('only lets accountName change', async () => {
    const { json, base } = setUp();
    const { body: account } = await json(base, { method: 'POST', body: checking });
    const renamed = await json(`${base}/acc-001`, { method: 'PATCH', body: { ...account, accountName: 'Renamed' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.accountName).toBe('Renamed');
    const balance = await json(`${base}/acc-001`, { method: 'PATCH', body: { balance: 5 } });
    expect(balance.status).toBe(400);
    expect(balance.body.error).toBe("'balance' cannot be updated: only accountName can be changed.");
    expect((await json(`${base}/acc-001`, { method: 'PATCH', body: { status: 'disconnected' } })).status).toBe(400);
    expect((await json(`${base}/nope`, { method: 'PATCH', body: { accountName: 'x' } })).status).toBe(404);
  });

  it('deletes with 204', async () => {
    const { json, base } = setUp();
    await json(base, { method: 'POST', body: checking });
    expect((await json(`${base}/acc-001`, { method: 'DELETE' })).status).toBe(204);
    expect((await json(base)).body).toEqual([]);
    expect((await json(`${base}/acc-001`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('source accounts (v1)', () => {
  it('needs only an id, takes free-text account types and refuses v2-only fields', async () => {
    const { json, base } = setUp('v1');
    const created = await json(base, { method: 'POST', body: { id: 'acc-9', accountType: 'Credit' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: 'acc-9', accountType: 'Credit', accountName: null, balance: null, status: 'pending' });
    expect(created.body).not.toHaveProperty('currency');
    expect((await json(base, { method: 'POST', body: { id: 'acc-10', routingInfo: { bankCode: '1' } } })).status).toBe(400);
  });

  it('changes name, status only to disconnected, balance only while not connected', async () => {
    const { emu, json, base, connection } = setUp('v1');
    await json(base, { method: 'POST', body: { id: 'acc-1', balance: 10, currency: 'GBP' } });
    expect((await json(`${base}/acc-1`, { method: 'PATCH', body: { balance: 20, accountName: 'Main' } })).body).toMatchObject({ balance: 20, accountName: 'Main' });
    expect((await json(`${base}/acc-1`, { method: 'PATCH', body: { status: 'connected' } })).status).toBe(400);
    expect((await json(`${base}/acc-1`, { method: 'PATCH', body: { accountNumber: '1' } })).status).toBe(400);

    emu.store.sourceAccounts.get(connection.id)![0]!.status = 'connected';
    const refused = await json(`${base}/acc-1`, { method: 'PATCH', body: { balance: 30 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('The balance of a connected source account cannot be updated.');
    const disconnected = await json(`${base}/acc-1`, { method: 'PATCH', body: { status: 'disconnected' } });
    expect(disconnected.body.status).toBe('disconnected');
  });
});

describe('bank-feed connections', () => {
  it('404s on connections to platforms without bank feeds and on foreign connections', async () => {
    const { emu, json, company } = setUp();
    const plaid = storeConnection(emu, company, 'suuo');
    const refused = await json(`/companies/${company.id}/connections/${plaid.id}/connectionInfo/bankFeedAccounts`);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe(`Data connection ${plaid.id} (Plaid) does not support bank feeds.`);
    const other = storeCompany(emu, 'Other');
    const foreign = await json(`/companies/${other.id}/connections/${plaid.id}/connectionInfo/bankFeedAccounts`);
    expect(foreign.status).toBe(404);
  });
});
