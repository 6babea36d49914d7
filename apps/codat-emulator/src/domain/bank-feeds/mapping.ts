import type { Emulator } from '../../emulator.js';
import type { ConnectionRecord, SourceAccountRecord } from '../../store/types.js';
import { isoDate } from '../dates.js';
import { newId } from '../ids.js';
import { platformByKey } from '../platforms.js';
import { bankFeedErrors, sourceAccountsOf } from './source-accounts.js';
import { isFeeding, targetAccountOptions } from './target-accounts.js';

/** QBO and Sage Bank Feeds map accounts inside their own UIs; Codat's mapping API is for the others. */
const UI_MAPPED_PLATFORM_KEYS: ReadonlySet<string> = new Set(['hcws', 'olpr']);

export const FEED_CONNECTION_EXISTS = 'A feed connection already exists to this account';

interface PendingConnect {
  dueMs: number;
  feedStartMs: number;
}

const pendingByEmulator = new WeakMap<Emulator, Map<SourceAccountRecord, PendingConnect>>();

function pendingConnects(emu: Emulator): Map<SourceAccountRecord, PendingConnect> {
  let pending = pendingByEmulator.get(emu);
  if (!pending) {
    pendingByEmulator.set(emu, (pending = new Map()));
    emu.onTick((now) => {
      for (const [account, { dueMs, feedStartMs }] of pending!) {
        if (dueMs > now) continue;
        pending!.delete(account);
        // Disconnected or re-mapped meanwhile: nothing to finish.
        if (account.status === 'connecting') connectSourceAccount(account, feedStartMs);
      }
    });
  }
  return pending;
}

/** Settles `connecting` accounts on the emulator's ticks. Idempotent. */
export function registerBankFeedMappings(emu: Emulator): void {
  pendingConnects(emu);
}

/** The feed is live: `connected`, with `feedStartDate` as a datetime (v1) or a date (v2). */
export function connectSourceAccount(account: SourceAccountRecord, feedStartMs: number): void {
  account.status = 'connected';
  account.feedStartDate = account.version === 'v1' ? new Date(feedStartMs).toISOString() : isoDate(feedStartMs);
}

export interface MappingRequest {
  targetAccountId?: string | null;
  feedStartDate?: string | null;
}

/**
 * Maps one source account: `connecting` now, `connected` one `syncStepMs` later. Without a
 * `targetAccountId` a new target account is created. Re-posting the current mapping changes nothing.
 */
export function mapSourceAccount(
  emu: Emulator,
  connection: ConnectionRecord,
  account: SourceAccountRecord,
  request: MappingRequest,
): SourceAccountRecord {
  const platform = platformByKey(connection.integrationKey);
  if (UI_MAPPED_PLATFORM_KEYS.has(connection.integrationKey)) {
    throw bankFeedErrors.invalid(`Source accounts of ${platform?.name ?? connection.integrationKey} connections are mapped inside the accounting software, not through the API.`);
  }
  if (connection.status !== 'Linked') throw bankFeedErrors.invalid(`Data connection ${connection.id} is not linked.`);
  const { targetAccountId } = request;
  if (targetAccountId && targetAccountId === account.targetAccountId && isFeeding(account)) return account;

  const accounts = sourceAccountsOf(emu, connection);
  if (targetAccountId) {
    if (accounts.some((other) => other !== account && isFeeding(other) && other.targetAccountId === targetAccountId)) {
      throw bankFeedErrors.invalid(FEED_CONNECTION_EXISTS);
    }
    if (!targetAccountOptions(connection, account, accounts).some((option) => option.id === targetAccountId)) {
      throw bankFeedErrors.invalid(`Target account ${targetAccountId} is not a valid option for source account ${account.id}.`);
    }
  }
  const now = emu.clock.now();
  account.targetAccountId = targetAccountId ?? newId();
  scheduleConnect(emu, account, request.feedStartDate ? Date.parse(request.feedStartDate) : now);
  return account;
}

/** `connecting` now, `connected` one `syncStepMs` later (unless disconnected meanwhile). */
export function scheduleConnect(emu: Emulator, account: SourceAccountRecord, feedStartMs: number): void {
  account.status = 'connecting';
  delete account.feedStartDate;
  pendingConnects(emu).set(account, { dueMs: emu.clock.now() + emu.config.syncStepMs, feedStartMs });
}
