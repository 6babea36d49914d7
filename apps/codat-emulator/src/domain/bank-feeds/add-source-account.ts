import type { Emulator } from '../../emulator.js';
import type { ConnectionRecord, SourceAccountRecord } from '../../store/types.js';
import { newId } from '../ids.js';
import { connectSourceAccount, scheduleConnect } from './mapping.js';
import { prototypeSchema, type V1Prototype, type V2Prototype } from './schemas.js';
import {
  bankFeedErrors,
  buildSourceAccount,
  insertSourceAccount,
  sourceAccountsOf,
  type SourceAccountStatus,
} from './source-accounts.js';
import { targetAccountOptions } from './target-accounts.js';

/**
 * For seeding and the control API: adds a source account in the emulator's API version and puts it
 * in `status`. `connecting` and `connected` accounts feed the first free target option in their
 * currency (or a newly created target); `connecting` turns `connected` one `syncStepMs` later.
 * Throws a ZodError for a prototype of the wrong shape, Codat's 400 for a duplicate id.
 */
export function addSourceAccount(
  emu: Emulator,
  connection: ConnectionRecord,
  prototype: V1Prototype | V2Prototype,
  status: SourceAccountStatus = 'pending',
): SourceAccountRecord {
  const version = emu.config.bankFeedsVersion;
  const now = emu.clock.now();
  const account = buildSourceAccount(version, prototypeSchema(version).parse(prototype), now);
  if (!insertSourceAccount(emu, connection, account)) throw bankFeedErrors.duplicateAccount();
  if (status === 'connecting' || status === 'connected') {
    const [option] = targetAccountOptions(connection, account, sourceAccountsOf(emu, connection));
    account.targetAccountId = option?.id ?? newId();
    if (status === 'connected') connectSourceAccount(account, now);
    else scheduleConnect(emu, account, now);
  } else {
    account.status = status;
  }
  return account;
}
