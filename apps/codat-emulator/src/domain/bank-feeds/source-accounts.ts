import type { BankFeedsVersion } from '../../config.js';
import type { Emulator } from '../../emulator.js';
import { CodatError } from '../../http/errors.js';
import type { ConnectionRecord, SourceAccountRecord } from '../../store/types.js';
import { codatTimestamp } from '../dates.js';
import { BANK_FEED_PLATFORM_KEYS, platformByKey } from '../platforms.js';
import type { V1Prototype, V2Prototype } from './schemas.js';

export type SourceAccountStatus = SourceAccountRecord['status'];

export const DUPLICATE_ACCOUNT_MESSAGE = 'A bank account already exists with the same Id';

export const bankFeedErrors = {
  /** Connections to platforms without bank feeds have no bank-feed resources: 404, declared on every bank-feed route. */
  notBankFeedConnection: (connection: ConnectionRecord) =>
    new CodatError(
      404,
      'BankFeedsApi',
      `Data connection ${connection.id} (${platformByKey(connection.integrationKey)?.name ?? connection.integrationKey}) does not support bank feeds.`,
    ),
  sourceAccountNotFound: (accountId: string) =>
    new CodatError(404, 'BankFeedsApi', `No source account was found with ID ${accountId}`),
  duplicateAccount: () => new CodatError(400, 'BankFeedsApi', DUPLICATE_ACCOUNT_MESSAGE),
  invalid: (message: string) => new CodatError(400, 'BankFeedsApi', message),
};

export function assertBankFeedConnection(connection: ConnectionRecord): void {
  if (!BANK_FEED_PLATFORM_KEYS.has(connection.integrationKey)) throw bankFeedErrors.notBankFeedConnection(connection);
}

export function sourceAccountsOf(emu: Emulator, connection: ConnectionRecord): SourceAccountRecord[] {
  let accounts = emu.store.sourceAccounts.get(connection.id);
  if (!accounts) emu.store.sourceAccounts.set(connection.id, (accounts = []));
  return accounts;
}

export function findSourceAccount(emu: Emulator, connection: ConnectionRecord, accountId: string): SourceAccountRecord {
  const account = emu.store.sourceAccounts.get(connection.id)?.find((a) => a.id === accountId);
  if (!account) throw bankFeedErrors.sourceAccountNotFound(accountId);
  return account;
}

/** A new `pending` account from an already validated prototype of the emulator's version. */
export function buildSourceAccount(
  version: BankFeedsVersion,
  prototype: V1Prototype | V2Prototype,
  now: number,
): SourceAccountRecord {
  const account: SourceAccountRecord = {
    version,
    id: prototype.id,
    accountName: prototype.accountName ?? null,
    accountType: prototype.accountType ?? null,
    accountNumber: prototype.accountNumber ?? null,
    sortCode: prototype.sortCode ?? null,
    currency: prototype.currency ?? null,
    balance: prototype.balance ?? null,
    modifiedDate: prototype.modifiedDate ?? codatTimestamp(now),
    status: 'pending',
  };
  if ('routingInfo' in prototype && prototype.routingInfo) {
    account.routingInfo = { bankCode: prototype.routingInfo.bankCode ?? null, type: prototype.routingInfo.type ?? 'bankcode' };
  }
  if ('accountInfo' in prototype && prototype.accountInfo !== undefined) {
    const info = prototype.accountInfo;
    account.accountInfo = info && {
      description: info.description ?? null,
      nickname: info.nickname ?? null,
      accountOpenDate: info.accountOpenDate ?? null,
      availableBalance: info.availableBalance ?? null,
    };
  }
  return account;
}

/** Adds the account unless its id is taken on the connection; false when it is. */
export function insertSourceAccount(emu: Emulator, connection: ConnectionRecord, account: SourceAccountRecord): boolean {
  const accounts = sourceAccountsOf(emu, connection);
  if (accounts.some((existing) => existing.id === account.id)) return false;
  accounts.push(account);
  return true;
}

/** `feedStartDate` is shown on connected accounts only. */
function feedStart(account: SourceAccountRecord): string | undefined {
  return account.status === 'connected' ? account.feedStartDate : undefined;
}

/**
 * v1 `SourceAccount` or v2 `SourceAccountV2` (both `additionalProperties:false`). Nullable v1
 * fields stay null; fields the SDK types as optional-not-null are omitted when empty.
 */
export function renderSourceAccount(account: SourceAccountRecord) {
  const json: Record<string, unknown> =
    account.version === 'v1'
      ? {
          id: account.id,
          accountName: account.accountName,
          accountType: account.accountType,
          accountNumber: account.accountNumber,
          sortCode: account.sortCode,
          currency: account.currency ?? undefined,
          balance: account.balance,
        }
      : {
          id: account.id,
          accountName: account.accountName,
          accountType: account.accountType,
          accountNumber: account.accountNumber,
          sortCode: account.sortCode ?? undefined,
          routingInfo: account.routingInfo,
          currency: account.currency,
          balance: account.balance,
          accountInfo: account.accountInfo,
        };
  json.modifiedDate = account.modifiedDate;
  json.status = account.status;
  json.feedStartDate = feedStart(account);
  for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
  return json;
}
