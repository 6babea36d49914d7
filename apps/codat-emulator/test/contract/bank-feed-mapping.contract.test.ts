import { describe, expect, it } from 'vitest';
import { expectBankFeedResponse } from './bank-feeds.js';
import { accountPrototype, bankFeedSetUp } from './bank-feed-setup.js';
import { UNKNOWN_ID } from './fixtures.js';

describe.each(['v1', 'v2'] as const)(
  'bank-feed account mapping (%s) against the OAS',
  (version) => {
    it('get-bank-account-mapping 200 empty, pending with options, connecting, connected; 404', async () => {
      const { emu, request, accounts, mapping, companyId } = await bankFeedSetUp(version);
      const read = async (path = mapping) =>
        expectBankFeedResponse(version, 'get-bank-account-mapping', await request(path));
      const mappings = async () => (await read()).body as Array<Record<string, unknown>>;
      expect(await mappings()).toEqual([]);
      await request(accounts, { method: 'POST', body: accountPrototype(version, 'acc-1') });
      await request(accounts, { method: 'POST', body: accountPrototype(version, 'acc-2', 'USD') });
      expect((await mappings()).map((m) => m.status)).toEqual(['pending', 'pending']);
      const feedStartDate = '2024-05-01T00:00:00Z';
      await request(mapping, { method: 'POST', body: { sourceAccountId: 'acc-1', feedStartDate } });
      expect((await mappings())[0]).toMatchObject({ status: 'connecting' });
      emu.clock.advance(5_000);
      expect((await mappings())[0]).toMatchObject({
        status: 'connected',
        targetAccountId: expect.any(String),
        feedStartDate: expect.any(String),
      });
      const unknown = `/companies/${companyId}/connections/${UNKNOWN_ID}/bankFeedAccounts/mapping`;
      expect((await read(unknown)).status).toBe(404);
    });

    it('create-bank-account-mapping 200 to an offered or a new target; 400 for a taken target, QBO, bad bodies; 404', async () => {
      const { emu, request, json, accounts, mapping } = await bankFeedSetUp(version);
      const map = async (body: unknown, setUp = { request, mapping }) =>
        expectBankFeedResponse(
          version,
          'create-bank-account-mapping',
          await setUp.request(setUp.mapping, { method: 'POST', body }),
        );
      for (const id of ['acc-1', 'acc-2', 'acc-3']) {
        await request(accounts, { method: 'POST', body: accountPrototype(version, id) });
      }
      type Mapping = { targetAccountOptions: Array<{ id: string }> };
      const target = (await json<Mapping[]>(mapping)).body[0]!.targetAccountOptions[0]!.id;
      expect((await map({ sourceAccountId: 'acc-1', targetAccountId: target })).body).toMatchObject(
        {
          sourceAccountId: 'acc-1',
          targetAccountId: target,
          status: 'connecting',
        },
      );
      expect((await map({ sourceAccountId: 'acc-2' })).body).toMatchObject({
        sourceAccountId: 'acc-2',
        targetAccountId: expect.any(String),
      });
      emu.clock.advance(5_000);
      for (const body of [
        { sourceAccountId: 'acc-3', targetAccountId: target },
        { sourceAccountId: 'acc-3', targetAccountId: 'made-up' },
        { sourceAccountId: 'acc-3', extra: 1 },
        {},
      ]) {
        expect((await map(body)).status, JSON.stringify(body)).toBe(400);
      }
      expect((await map({ sourceAccountId: 'nope' })).status).toBe(404);

      // QuickBooks Online maps inside its own UI.
      const qbo = await bankFeedSetUp(version, 'hcws');
      await qbo.request(qbo.accounts, { method: 'POST', body: accountPrototype(version, 'acc-1') });
      expect((await map({ sourceAccountId: 'acc-1' }, qbo)).status).toBe(400);
    });
  },
);
