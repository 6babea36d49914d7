import { describe, expect, it } from 'vitest';
import { expectBankFeedResponse } from './bank-feeds.js';
import { accountPrototype, bankFeedSetUp } from './bank-feed-setup.js';
import { UNKNOWN_ID } from './fixtures.js';

describe.each(['v1', 'v2'] as const)(
  'creating bank-feed source accounts (%s) against the OAS',
  (version) => {
    const account = (id: string, currency?: string) => accountPrototype(version, id, currency);

    it('create-source-account 200 for a complete account', async () => {
      const { request, accounts } = await bankFeedSetUp(version);
      const response = await request(accounts, { method: 'POST', body: account('acc-1') });
      const { status, body } = await expectBankFeedResponse(
        version,
        'create-source-account',
        response,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: 'acc-1', status: 'pending' });
    });

    it('create-source-account and list-source-accounts 200 for an account with only the required fields', async () => {
      const { request, accounts } = await bankFeedSetUp(version);
      const {
        routingInfo: _routingInfo,
        accountInfo: _accountInfo,
        ...required
      } = account('acc-1');
      const minimal = version === 'v1' ? { id: 'acc-1' } : required;
      const created = await request(accounts, { method: 'POST', body: minimal });
      expect((await expectBankFeedResponse(version, 'create-source-account', created)).status).toBe(
        200,
      );
      const listed = await expectBankFeedResponse(
        version,
        'list-source-accounts',
        await request(accounts),
      );
      expect(listed.body).toEqual([expect.objectContaining({ id: 'acc-1' })]);
    });

    it('create-source-account 400 for a duplicate id, an unknown field or bad JSON; 404 for unknown or non-bank-feed connections', async () => {
      const { request, accounts, companyId, addConnection } = await bankFeedSetUp(version);
      const create = async (path: string, body: unknown) =>
        (
          await expectBankFeedResponse(
            version,
            'create-source-account',
            await request(path, { method: 'POST', body }),
          )
        ).status;
      await create(accounts, account('acc-1'));
      for (const body of [account('acc-1'), { ...account('acc-2'), colour: 'blue' }, '{nope']) {
        expect(await create(accounts, body)).toBe(400);
      }
      const plaid = await addConnection('suuo');
      for (const path of [
        `/companies/${companyId}/connections/${UNKNOWN_ID}/connectionInfo/bankFeedAccounts`,
        `/companies/${companyId}/connections/${plaid}/connectionInfo/bankFeedAccounts`,
        `/companies/${UNKNOWN_ID}/connections/${plaid}/connectionInfo/bankFeedAccounts`,
      ]) {
        expect(await create(path, account('acc-3')), path).toBe(404);
      }
    });

    it('create-batch-source-account 201 all created, 207 mixed, 409 none; 400 empty; 404', async () => {
      const { request, accounts, companyId } = await bankFeedSetUp(version);
      const batch = async (body: unknown, path = `${accounts}/batch`) =>
        (
          await expectBankFeedResponse(
            version,
            'create-batch-source-account',
            await request(path, { method: 'POST', body }),
          )
        ).status;
      expect(await batch([account('acc-1'), account('acc-2', 'USD')])).toBe(201);
      expect(await batch([account('acc-1'), account('acc-3')])).toBe(207);
      expect(await batch([account('acc-1'), account('acc-3')])).toBe(409);
      expect(await batch([])).toBe(400);
      const unknown = `/companies/${companyId}/connections/${UNKNOWN_ID}/connectionInfo/bankFeedAccounts/batch`;
      expect(await batch([account('acc-4')], unknown)).toBe(404);
    });
  },
);
