import { afterEach, describe, expect, it } from 'vitest';
import { parseCodatDate } from '../src/dates.js';
import { isSourceAccountV2, type SourceAccountV2Input } from '../src/index.js';
import { linkedConnection, startEmulatorHarness, type EmulatorHarness } from './emulator.js';

let harness: EmulatorHarness | undefined;
afterEach(async () => harness?.close());

const checking: SourceAccountV2Input = {
  id: 'acc-001',
  accountName: 'Business Current',
  accountType: 'checking',
  accountNumber: '12345670',
  sortCode: '123456',
  currency: 'GBP',
  balance: 99.99,
};

describe('bank feeds (v2) against the emulator', () => {
  it('creates, batch-creates, lists, renames and deletes source accounts', async () => {
    harness = await startEmulatorHarness({ bankFeedsVersion: 'v2' });
    const { client } = harness;
    const { company, connection } = await linkedConnection(client, 'hcws');
    const accounts = client.bankFeeds.sourceAccounts;

    const created = await accounts.create(company.id, connection.id, checking);
    expect(created).toMatchObject({ id: 'acc-001', status: 'pending' });
    expect(isSourceAccountV2(created)).toBe(true);

    const mixed = await accounts.createBatch(company.id, connection.id, [
      checking,
      { ...checking, id: 'acc-002' },
    ]);
    expect(mixed.status).toBe(207);
    expect(mixed.results.map((item) => item.result.statusCode)).toEqual(['409', 201]);
    expect(mixed.results[1]?.result.account).toMatchObject({ id: 'acc-002' });

    const conflict = await accounts.createBatch(company.id, connection.id, [checking]);
    expect(conflict.status).toBe(409);
    expect(conflict.results[0]?.result).toMatchObject({
      statusCode: '409',
      error: 'A bank account already exists with the same Id',
    });

    await expect(accounts.create(company.id, connection.id, checking)).rejects.toMatchObject({
      kind: 'http',
      status: 400,
    });

    expect((await accounts.list(company.id, connection.id)).map((a) => a.id)).toEqual([
      'acc-001',
      'acc-002',
    ]);
    expect(
      await accounts.update(company.id, connection.id, 'acc-001', { accountName: 'Renamed' }),
    ).toMatchObject({ accountName: 'Renamed' });
    await accounts.delete(company.id, connection.id, 'acc-001');
    expect((await accounts.list(company.id, connection.id)).map((a) => a.id)).toEqual(['acc-002']);
    await expect(accounts.delete(company.id, connection.id, 'acc-001')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('generates and revokes QuickBooks bank-feed credentials', async () => {
    harness = await startEmulatorHarness();
    const { client } = harness;
    const { company, connection } = await linkedConnection(client, 'hcws');
    const first = await client.bankFeeds.credentials.generate(company.id, connection.id);
    const second = await client.bankFeeds.credentials.generate(company.id, connection.id);
    expect(first.username).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(second).not.toEqual(first);
    await client.bankFeeds.credentials.delete(company.id, connection.id);
  });

  it('maps a Xero source account to a target account', async () => {
    harness = await startEmulatorHarness();
    const { client } = harness;
    const { company, connection } = await linkedConnection(client, 'gbol');
    await client.bankFeeds.sourceAccounts.create(company.id, connection.id, checking);
    const [mapping] = await client.bankFeeds.mapping.get(company.id, connection.id);
    expect(mapping).toMatchObject({ sourceAccountId: 'acc-001' });
    const target = mapping?.targetAccountOptions?.[0]?.id ?? undefined;
    const result = await client.bankFeeds.mapping.create(company.id, connection.id, {
      sourceAccountId: 'acc-001',
      targetAccountId: target,
    });
    expect(result).toMatchObject({ sourceAccountId: 'acc-001' });
    expect(typeof result.status).toBe('string');
  });

  it('generates a Sage one-time password', async () => {
    harness = await startEmulatorHarness();
    const { client } = harness;
    const { company, connection } = await linkedConnection(client, 'olpr');
    const otp = await client.bankFeeds.generateSageOtp(company.id, connection.id);
    expect(otp.otp).toMatch(/^[A-Z0-9]{6}$/);
    expect(parseCodatDate(otp.expiry)).toBeInstanceOf(Date);
  });
});

describe('bank feeds (v1) against the emulator', () => {
  it('creates and reads v1 accounts', async () => {
    harness = await startEmulatorHarness({ bankFeedsVersion: 'v1' });
    const { client } = harness;
    const { company, connection } = await linkedConnection(client, 'hcws');
    const created = await client.bankFeeds.sourceAccounts.create(company.id, connection.id, {
      id: 'acc-9',
      accountType: 'Credit',
    });
    expect(created).toMatchObject({
      id: 'acc-9',
      accountType: 'Credit',
      accountName: null,
      status: 'pending',
    });
    expect(isSourceAccountV2(created)).toBe(false);
    const updated = await client.bankFeeds.sourceAccounts.update(
      company.id,
      connection.id,
      'acc-9',
      { balance: 20, accountName: 'Main' },
    );
    expect(updated).toMatchObject({ balance: 20, accountName: 'Main' });
    const batch = await client.bankFeeds.sourceAccounts.createBatch(company.id, connection.id, [
      { id: 'acc-10' },
    ]);
    expect(batch).toMatchObject({
      status: 201,
      results: [{ sourceAccountId: 'acc-10', result: { statusCode: 201 } }],
    });
  });
});
