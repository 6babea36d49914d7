import type { SourceAccountRecord } from '../../store/types.js';
import { codatTimestamp } from '../dates.js';
import { bankFeedErrors, renderSourceAccount } from './source-accounts.js';

/** Values compared loosely: null and absent are the same, object key order does not matter. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${k}:${canonical(v)}`).join(',')}}`;
}

const CHANGEABLE = { v1: 'accountName, status and balance', v2: 'accountName' } as const;

/**
 * PATCH rules. v1: `accountName`; `status` only to `disconnected`; `balance` only while not
 * connected. v2: `accountName` only. Any other field may be sent back unchanged (a client may
 * PATCH the whole account it read) but not changed.
 */
export function updateSourceAccount(account: SourceAccountRecord, body: Record<string, unknown>, now: number): void {
  const current = renderSourceAccount(account);
  const changes: Array<() => void> = [];
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined || canonical(value) === canonical(current[field])) continue;
    if (field === 'accountName' && (account.version === 'v1' || typeof value === 'string')) {
      changes.push(() => (account.accountName = (value as string | null) ?? null));
    } else if (account.version === 'v1' && field === 'status') {
      if (value !== 'disconnected') throw bankFeedErrors.invalid("The status of a source account can only be set to 'disconnected'.");
      changes.push(() => disconnect(account));
    } else if (account.version === 'v1' && field === 'balance') {
      if (account.status === 'connected') throw bankFeedErrors.invalid('The balance of a connected source account cannot be updated.');
      changes.push(() => (account.balance = (value as number | null) ?? null));
    } else {
      throw bankFeedErrors.invalid(`'${field}' cannot be updated: only ${CHANGEABLE[account.version]} can be changed.`);
    }
  }
  if (changes.length === 0) return;
  for (const change of changes) change();
  account.modifiedDate = codatTimestamp(now);
}

/** The feed stops; the target account stays in the accounting software and becomes free to map again. */
function disconnect(account: SourceAccountRecord): void {
  account.status = 'disconnected';
  delete account.targetAccountId;
  delete account.feedStartDate;
}
