import type { SourceAccount, SourceAccountUpdate } from '@console/codat-client';
import type { BffDeps } from '../../deps.js';
import { badRequest } from '../../http/api-error.js';
import type { BankFeedAccounts } from './bank-feed-accounts.js';
import type { ConnectionRef, FieldError, SourceAccountRecord, UpdateBody } from './schemas.js';
import { toSourceAccountRecord } from './to-record.js';

/** Fields Codat never lets a client change, compared with what the account has now. */
const FIXED_FIELDS = ['id', 'companyId', 'connectionId', 'accountId', 'accountType', 'accountNumberMasked', 'sortCodeMasked', 'currency'] as const;

const WHAT_CAN_CHANGE = {
  v1: 'only accountName, balance (while not connected) and status (to disconnected) can change on v1 source accounts',
  v2: 'only accountName can change on v2 source accounts',
} as const;

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * What to PATCH, from the whole record react-admin sends back. `version`, `mapping`,
 * `modifiedDate` and `feedStartDate` are Codat's to manage and may have moved since the read,
 * so they are ignored; any other field that differs from the account must be one Codat lets
 * change, or it is refused.
 */
export function planUpdate(current: SourceAccountRecord, body: UpdateBody): { changes: SourceAccountUpdate; refused: FieldError[] } {
  const v1 = current.version === 'v1';
  const rule = WHAT_CAN_CHANGE[current.version];
  const changes: SourceAccountUpdate = {};
  const refused: FieldError[] = [];
  const changed = <K extends keyof UpdateBody & keyof SourceAccountRecord>(field: K) =>
    body[field] !== undefined && !same(body[field], current[field]);

  if (changed('accountName')) {
    if (body.accountName === null && !v1) refused.push({ field: 'accountName', message: 'is required on v2 source accounts' });
    else changes.accountName = body.accountName;
  }
  if (changed('balance')) {
    if (!v1) refused.push({ field: 'balance', message: `cannot change: ${rule}` });
    else if (current.status === 'connected') refused.push({ field: 'balance', message: 'cannot change while the account is connected' });
    else changes.balance = body.balance;
  }
  if (changed('status')) {
    if (!v1) refused.push({ field: 'status', message: `cannot change: ${rule}` });
    else if (body.status !== 'disconnected') refused.push({ field: 'status', message: 'can only be set to disconnected' });
    else changes.status = 'disconnected';
  }
  for (const field of FIXED_FIELDS) if (changed(field)) refused.push({ field, message: `cannot change: ${rule}` });
  return { changes, refused };
}

/** Reads the account, checks the edit against it, and PATCHes only what changed (nothing if nothing did). */
export async function updateSourceAccount(
  { codat }: Pick<BffDeps, 'codat'>,
  accounts: BankFeedAccounts,
  ref: ConnectionRef,
  accountId: string,
  body: UpdateBody,
): Promise<SourceAccountRecord> {
  const { account, mapping } = await accounts.find(ref, accountId);
  const current = toSourceAccountRecord(ref, account, mapping);
  const { changes, refused } = planUpdate(current, body);
  if (refused.length > 0) {
    throw badRequest(`These fields cannot change: ${refused.map((e) => `${e.field} (${e.message})`).join('; ')}.`, { errors: refused });
  }
  if (Object.keys(changes).length === 0) return current;
  const updated: SourceAccount = await codat.bankFeeds.sourceAccounts.update(ref.companyId, ref.connectionId, accountId, changes);
  // Disconnecting ends the feed, and the mapping with it.
  return toSourceAccountRecord(ref, updated, updated.status === 'disconnected' ? undefined : mapping);
}
