import { describe, expect, it } from 'vitest';
import { storeCompany, storeConnection } from '../../../test/store-records.js';
import { testEmulator } from '../../../test/support.js';
import type { BankFeedsVersion } from '../../config.js';
import type { ConnectionStatus } from '../../store/types.js';

const STEP = 1000;

async function setUp(bankFeedsVersion: BankFeedsVersion = 'v2', platformKey = 'gbol', status: ConnectionStatus = 'Linked') {
  const t = testEmulator({ bankFeedsVersion, syncStepMs: STEP });
  const company = storeCompany(t.emu);
  const connection = storeConnection(t.emu, company, platformKey, status);
  const path = `/companies/${company.id}/connections/${connection.id}`;
  const accounts = `${path}/connectionInfo/bankFeedAccounts`;
  const mapping = `${path}/bankFeedAccounts/mapping`;
  const prototype = (id: string, currency: string) =>
    bankFeedsVersion === 'v1'
      ? { id, accountName: `Account ${id}`, currency, balance: 10 }
      : { id, accountName: `Account ${id}`, accountType: 'checking', accountNumber: '1234', sortCode: '102030', currency, balance: 10 };
  for (const [id, currency] of [['gbp-1', 'GBP'], ['gbp-2', 'GBP'], ['usd-1', 'USD']] as const) {
    await t.json(accounts, { method: 'POST', body: prototype(id, currency) });
  }
  return { ...t, accounts, mapping };
}

type Mapping = { sourceAccountId: string; status: string; targetAccountId: string | null; targetAccountOptions?: Array<{ id: string; name: string }>; targetAccountName?: string; feedStartDate?: string };

describe('bank account mapping', () => {
  it('lists each source account with target options in its currency', async () => {
    const { json, mapping } = await setUp();
    const { status, body } = await json<Mapping[]>(mapping);
    expect(status).toBe(200);
    expect(body.map((m) => [m.sourceAccountId, m.status, m.targetAccountId])).toEqual([
      ['gbp-1', 'pending', null],
      ['gbp-2', 'pending', null],
      ['usd-1', 'pending', null],
    ]);
    expect(body[0]!.targetAccountOptions!.every((o) => o.name.endsWith('(GBP)'))).toBe(true);
    expect(body[2]!.targetAccountOptions!.every((o) => o.name.endsWith('(USD)'))).toBe(true);
    expect(body[0]).toMatchObject({ sourceAccountName: 'Account gbp-1', sourceCurrency: 'GBP', sourceBalance: 10 });
  });

  it('walks pending → connecting → connected one sync step after mapping', async () => {
    const { emu, json, mapping, accounts } = await setUp();
    const [first] = (await json<Mapping[]>(mapping)).body;
    const target = first!.targetAccountOptions![0]!;
    const mapped = await json(mapping, { method: 'POST', body: { sourceAccountId: 'gbp-1', targetAccountId: target.id, feedStartDate: '2024-05-01T00:00:00Z' } });
    expect(mapped.status).toBe(200);
    expect(mapped.body).toEqual({ sourceAccountId: 'gbp-1', targetAccountId: target.id, status: 'connecting' });

    emu.clock.advance(STEP / 2);
    expect((await json<Mapping[]>(mapping)).body[0]!.status).toBe('connecting');
    emu.clock.advance(STEP / 2);
    const connected = (await json<Mapping[]>(mapping)).body[0]!;
    expect(connected).toMatchObject({ status: 'connected', targetAccountId: target.id, targetAccountName: target.name, feedStartDate: '2024-05-01' });
    expect(connected).not.toHaveProperty('targetAccountOptions');
    const [account] = (await json(accounts)).body;
    expect(account).toMatchObject({ status: 'connected', feedStartDate: '2024-05-01' });

    // The used target is no longer offered to the other GBP account, and cannot be mapped to it.
    const second = (await json<Mapping[]>(mapping)).body[1]!;
    expect(second.targetAccountOptions!.map((o) => o.id)).not.toContain(target.id);
    const taken = await json(mapping, { method: 'POST', body: { sourceAccountId: 'gbp-2', targetAccountId: target.id } });
    expect(taken.status).toBe(400);
    expect(taken.body.error).toBe('A feed connection already exists to this account');
    const again = await json(mapping, { method: 'POST', body: { sourceAccountId: 'gbp-1', targetAccountId: target.id } });
    expect(again.body).toEqual({ sourceAccountId: 'gbp-1', targetAccountId: target.id, status: 'connected' });
  });

  it('creates a new target when none is given and shows v1 feed start dates as datetimes', async () => {
    const { emu, json, mapping, accounts } = await setUp('v1');
    const mapped = await json(mapping, { method: 'POST', body: { sourceAccountId: 'usd-1' } });
    expect(mapped.body.targetAccountId).toMatch(/^[0-9a-f-]{36}$/);
    emu.clock.advance(STEP);
    emu.tick();
    const usd = (await json<Mapping[]>(mapping)).body[2]!;
    expect(usd).toMatchObject({ status: 'connected', targetAccountName: 'Account usd-1' });
    const account = (await json(accounts)).body[2];
    expect(account.feedStartDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuses bad mappings', async () => {
    const { json, mapping, accounts } = await setUp();
    expect((await json(mapping, { method: 'POST', body: { sourceAccountId: 'nope' } })).status).toBe(404);
    expect((await json(mapping, { method: 'POST', body: { sourceAccountId: 'gbp-1', targetAccountId: 'made-up' } })).status).toBe(400);
    expect((await json(mapping, { method: 'POST', body: { sourceAccountId: 'gbp-1', extra: 1 } })).status).toBe(400);
    // Deleting a source account removes its mapping with it.
    await json(mapping, { method: 'POST', body: { sourceAccountId: 'gbp-1' } });
    await json(`${accounts}/gbp-1`, { method: 'DELETE' });
    expect((await json<Mapping[]>(mapping)).body.map((m) => m.sourceAccountId)).toEqual(['gbp-2', 'usd-1']);
  });

  it('leaves QBO and Sage mapping to their own UIs and needs a linked connection', async () => {
    const qbo = await setUp('v2', 'hcws');
    const refused = await qbo.json(qbo.mapping, { method: 'POST', body: { sourceAccountId: 'gbp-1' } });
    expect(refused.status).toBe(400);
    expect((await qbo.json(qbo.mapping)).status).toBe(200);

    const pending = await setUp('v2', 'gbol', 'PendingAuth');
    expect((await pending.json(pending.mapping, { method: 'POST', body: { sourceAccountId: 'gbp-1' } })).status).toBe(400);
    expect((await pending.json<Mapping[]>(pending.mapping)).body[0]!.targetAccountOptions).toEqual([]);
  });
});
