import { describe, expect, it } from 'vitest';
import { storeCompany, storeConnection } from '../../../test/store-records.js';
import { Emulator } from '../../emulator.js';
import { addSourceAccount } from './add-source-account.js';
import { registerBankFeedMappings } from './mapping.js';
import { targetAccountsIn } from './target-accounts.js';

const v2 = (id: string) => ({ id, accountName: `Account ${id}`, accountType: 'savings' as const, accountNumber: '42', sortCode: '010203', currency: 'GBP', balance: 0 });

function setUp(bankFeedsVersion: 'v1' | 'v2' = 'v2') {
  const emu = new Emulator({ bankFeedsVersion, syncStepMs: 1000 });
  const connection = storeConnection(emu, storeCompany(emu), 'gbol');
  return { emu, connection };
}

describe('addSourceAccount', () => {
  it('seeds connected accounts onto distinct target accounts of their currency', () => {
    const { emu, connection } = setUp();
    const first = addSourceAccount(emu, connection, v2('a'), 'connected');
    const second = addSourceAccount(emu, connection, v2('b'), 'connected');
    const targets = targetAccountsIn(connection, 'GBP').map((t) => t.id);
    expect(first).toMatchObject({ status: 'connected', targetAccountId: targets[0], feedStartDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(second.targetAccountId).toBe(targets[1]);
  });

  it('turns a seeded connecting account connected after a sync step', () => {
    const { emu, connection } = setUp('v1');
    registerBankFeedMappings(emu);
    const account = addSourceAccount(emu, connection, { id: 'x', currency: 'EUR' }, 'connecting');
    expect(account.status).toBe('connecting');
    emu.clock.advance(1000);
    emu.tick();
    expect(account.status).toBe('connected');
    expect(account.feedStartDate).toMatch(/T.*Z$/);
  });

  it('refuses duplicates and prototypes of the other version', () => {
    const { emu, connection } = setUp();
    addSourceAccount(emu, connection, v2('a'));
    expect(() => addSourceAccount(emu, connection, v2('a'))).toThrow('A bank account already exists with the same Id');
    expect(() => addSourceAccount(emu, connection, { id: 'v1-shaped' })).toThrow();
    expect(emu.store.sourceAccounts.get(connection.id)).toHaveLength(1);
  });
});
