import type { ConnectionRecord, SourceAccountRecord } from '../../store/types.js';
import { stableUuid } from '../ids.js';

/** A bank account in the SMB's accounting software that a source account can feed. */
export interface TargetAccount {
  id: string;
  name: string;
  balance: number;
  sortCode: string | null;
  accountNumber: string;
}

const KINDS = ['Business Current Account', 'Business Savings Account', 'Business Credit Card'] as const;

function digits(id: string, count: number): string {
  return String(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).slice(-count).padStart(count, '0');
}

/**
 * The target accounts the connection's accounting software holds in a currency. They are derived
 * from the connection id, so they are stable without being stored.
 */
export function targetAccountsIn(connection: ConnectionRecord, currency: string): TargetAccount[] {
  return KINDS.map((kind) => {
    const id = stableUuid(`target-account:${connection.id}:${currency}:${kind}`);
    return {
      id,
      name: `${kind} (${currency})`,
      balance: Number(digits(id, 6)) / 100,
      sortCode: currency === 'GBP' ? digits(stableUuid(`sort-code:${id}`), 6) : null,
      accountNumber: digits(stableUuid(`account-number:${id}`), 8),
    };
  });
}

export function isFeeding(account: SourceAccountRecord): boolean {
  return account.targetAccountId !== undefined && account.status !== 'disconnected';
}

/** Options for a source account: same currency, not already fed by another source account. */
export function targetAccountOptions(
  connection: ConnectionRecord,
  account: SourceAccountRecord,
  accounts: readonly SourceAccountRecord[],
): TargetAccount[] {
  if (!account.currency) return [];
  const taken = new Set(accounts.filter((other) => other !== account && isFeeding(other)).map((other) => other.targetAccountId));
  return targetAccountsIn(connection, account.currency).filter((target) => !taken.has(target.id));
}

/** A mapped target's name; targets created by mapping without `targetAccountId` take the source account's name. */
export function targetAccountName(connection: ConnectionRecord, account: SourceAccountRecord): string | undefined {
  if (!account.targetAccountId) return undefined;
  const known = account.currency
    ? targetAccountsIn(connection, account.currency).find((target) => target.id === account.targetAccountId)
    : undefined;
  return known?.name ?? account.accountName ?? account.id;
}
