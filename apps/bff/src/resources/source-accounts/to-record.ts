import { isSourceAccountV2, type BankFeedMapping, type SourceAccount } from '@console/codat-client';
import type { z } from 'zod';
import type { ConnectionRef, revealedSchema, SourceAccountRecord } from './schemas.js';
import { sourceAccountId } from './record-id.js';

/** `••••1234`: the last four characters only, and nothing at all of a number that short. */
export function maskAccountNumber(accountNumber: string | null | undefined): string | null {
  if (!accountNumber) return null;
  const compact = accountNumber.replace(/\s/g, '');
  return compact.length > 4 ? `••••${compact.slice(-4)}` : '••••';
}

/** `••-••-56` for a six-digit sort code. */
export function maskSortCode(sortCode: string | null | undefined): string | undefined {
  if (!sortCode) return undefined;
  const digits = sortCode.replace(/\D/g, '');
  return digits.length === 6 ? `••-••-${digits.slice(-2)}` : '••••';
}

/**
 * The console's view of a source account. Fields are picked one by one — never spread — so the
 * account number, sort code and routing details stay in the BFF (see the reveal route).
 */
export function toSourceAccountRecord(ref: ConnectionRef, account: SourceAccount, mapping?: BankFeedMapping): SourceAccountRecord {
  return {
    id: sourceAccountId.format({ ...ref, accountId: account.id }),
    companyId: ref.companyId,
    connectionId: ref.connectionId,
    accountId: account.id,
    accountName: account.accountName ?? null,
    accountType: account.accountType ?? null,
    accountNumberMasked: maskAccountNumber(account.accountNumber),
    sortCodeMasked: maskSortCode(account.sortCode),
    currency: account.currency ?? null,
    balance: account.balance ?? null,
    status: account.status ?? null,
    feedStartDate: account.feedStartDate ?? undefined,
    modifiedDate: account.modifiedDate ?? undefined,
    version: isSourceAccountV2(account) ? 'v2' : 'v1',
    mapping: mapping?.targetAccountId
      ? { targetAccountId: mapping.targetAccountId, targetAccountName: mapping.targetAccountName ?? null, status: mapping.status ?? null }
      : undefined,
  };
}

/** The unmasked banking details: for the reveal route only. */
export function revealAccountDetails(account: SourceAccount): z.infer<typeof revealedSchema> {
  const routingInfo = isSourceAccountV2(account) ? account.routingInfo : undefined;
  return {
    accountNumber: account.accountNumber ?? null,
    sortCode: account.sortCode ?? null,
    ...(routingInfo ? { routingInfo: { type: routingInfo.type ?? null, bankCode: routingInfo.bankCode ?? null } } : {}),
  };
}
