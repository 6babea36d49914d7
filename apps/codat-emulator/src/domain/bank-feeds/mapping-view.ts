import type { ConnectionRecord, SourceAccountRecord } from '../../store/types.js';
import { targetAccountName, targetAccountOptions } from './target-accounts.js';

/**
 * `BankFeedMapping` for each source account. Unmapped accounts list their currency's target
 * options (none until the connection is linked: Codat cannot see the accounting software yet);
 * mapped ones name their target instead.
 */
export function renderMappings(connection: ConnectionRecord, accounts: readonly SourceAccountRecord[]) {
  return accounts.map((account) => {
    const json: Record<string, unknown> = {
      sourceAccountId: account.id,
      sourceAccountName: account.accountName ?? undefined,
      sourceAccountNumber: account.accountNumber ?? undefined,
      sourceBalance: account.balance ?? undefined,
      sourceCurrency: account.currency ?? undefined,
      targetAccountId: account.targetAccountId ?? null,
      targetAccountName: targetAccountName(connection, account),
      status: account.status,
      feedStartDate: account.status === 'connected' ? account.feedStartDate : undefined,
    };
    if (!account.targetAccountId) {
      json.targetAccountOptions =
        connection.status === 'Linked' ? targetAccountOptions(connection, account, accounts) : [];
    }
    for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
    return json;
  });
}
