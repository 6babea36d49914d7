import type { BankFeedsVersion } from '../../src/index.js';
import { testEmulator } from '../support.js';
import { createCompany, createConnection, createLinkedConnection } from './fixtures.js';

/** A bank-feed connection on a v1 or v2 emulator, with the paths of its bank-feed resources. */
export async function bankFeedSetUp(
  version: BankFeedsVersion,
  platformKey = 'gbol',
  linked = true,
) {
  const emulator = testEmulator({ bankFeedsVersion: version, syncStepMs: 1_000 });
  const companyId = await createCompany(emulator.json);
  const connectionId = await (linked ? createLinkedConnection : createConnection)(
    emulator.json,
    companyId,
    platformKey,
  );
  const connection = `/companies/${companyId}/connections/${connectionId}`;
  return {
    ...emulator,
    companyId,
    connection,
    accounts: `${connection}/connectionInfo/bankFeedAccounts`,
    mapping: `${connection}/bankFeedAccounts/mapping`,
    /** Another connection of the same company on any platform. */
    addConnection: (key: string) => createConnection(emulator.json, companyId, key),
  };
}

/** A complete account as the spec's examples show one (v2 with routing and account info). */
export function accountPrototype(
  version: BankFeedsVersion,
  id: string,
  currency = 'GBP',
): Record<string, unknown> {
  if (version === 'v1') {
    return {
      id,
      accountName: `Account ${id}`,
      accountType: 'Credit',
      accountNumber: '12345670',
      sortCode: '040004',
      currency,
      balance: 99.99,
    };
  }
  return {
    id,
    accountName: `Account ${id}`,
    accountType: 'checking',
    accountNumber: '12345670',
    routingInfo: { bankCode: '021001088', type: 'bankcode' },
    sortCode: '040004',
    currency,
    balance: 99.99,
    accountInfo: {
      description: 'Business account',
      nickname: 'Main',
      accountOpenDate: '2023-05-06',
      availableBalance: 10,
    },
  };
}
