import { describe, expect, it } from 'vitest';
import { expectBankFeedResponse } from './bank-feeds.js';
import { accountPrototype, bankFeedSetUp } from './bank-feed-setup.js';
import { UNKNOWN_ID } from './fixtures.js';

describe.each(['v1', 'v2'] as const)(
  'listing, updating and deleting bank-feed source accounts (%s) against the OAS',
  (version) => {
    const account = (id: string) => accountPrototype(version, id);

    it('list-source-accounts 200 empty, pending and connected (with feedStartDate); 404', async () => {
      const { emu, request, json, accounts, mapping, companyId } = await bankFeedSetUp(version);
      const list = async (path = accounts) =>
        expectBankFeedResponse(version, 'list-source-accounts', await request(path));
      expect((await list()).body).toEqual([]);
      await request(accounts, { method: 'POST', body: account('acc-1') });
      await request(accounts, { method: 'POST', body: account('acc-2') });
      const feedStartDate = '2024-05-01T00:00:00Z';
      const mapped = await json(mapping, {
        method: 'POST',
        body: { sourceAccountId: 'acc-1', feedStartDate },
      });
      expect(mapped.status).toBe(200);
      emu.clock.advance(5_000);
      expect((await list()).body).toEqual([
        expect.objectContaining({
          id: 'acc-1',
          status: 'connected',
          feedStartDate: expect.any(String),
        }),
        expect.objectContaining({ id: 'acc-2', status: 'pending' }),
      ]);
      const unknown = `/companies/${companyId}/connections/${UNKNOWN_ID}/connectionInfo/bankFeedAccounts`;
      expect((await list(unknown)).status).toBe(404);
    });

    it('update-source-account 200 for the name (v1: status and balance too), 400 for other fields, 404', async () => {
      const { request, accounts } = await bankFeedSetUp(version);
      await request(accounts, { method: 'POST', body: account('acc-1') });
      const patch = async (id: string, body: unknown) =>
        expectBankFeedResponse(
          version,
          'update-source-account',
          await request(`${accounts}/${id}`, { method: 'PATCH', body }),
        );
      expect((await patch('acc-1', { accountName: 'Renamed' })).body).toMatchObject({
        accountName: 'Renamed',
      });
      if (version === 'v1') {
        const changed = await patch('acc-1', { balance: 5, status: 'disconnected' });
        expect(changed.body).toMatchObject({ balance: 5, status: 'disconnected' });
      }
      for (const body of [
        { accountNumber: '999' },
        { status: 'connected' },
        { accountName: 'x', colour: 'blue' },
      ]) {
        expect((await patch('acc-1', body)).status, JSON.stringify(body)).toBe(400);
      }
      expect((await patch('nope', { accountName: 'x' })).status).toBe(404);
    });

    it('delete-source-account 204 without a body, then 404', async () => {
      const { request, accounts } = await bankFeedSetUp(version);
      await request(accounts, { method: 'POST', body: account('acc-1') });
      const remove = async () =>
        expectBankFeedResponse(
          version,
          'delete-source-account',
          await request(`${accounts}/acc-1`, { method: 'DELETE' }),
        );
      expect((await remove()).status).toBe(204);
      expect((await remove()).status).toBe(404);
    });
  },
);
