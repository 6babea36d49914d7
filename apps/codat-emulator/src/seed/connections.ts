import { timestamp } from './flat-strings.js';
import { platformByKey } from '../domain/platforms.js';
import type { ConnectionRecord, ConnectionStatus, DataConnectionError } from '../store/types.js';
import { activeError, resolvedError, type ConnectionErrorKind } from './connection-errors.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type SeedContext } from './context.js';
import {
  ACCOUNTING,
  BANK_FEED_FOR_ACCOUNTING,
  BANKING,
  COMMERCE,
  STATUS_BY_ROLE,
  SYNC_DATA_TYPES,
  type ConnectionRole,
} from './platform-mix.js';
import { weightedTable, type SeededRandom } from './random.js';
import type { Region } from './words.js';

export interface ConnectionPlan {
  role: ConnectionRole;
  key: string;
  /** Bank-feed source accounts are kept on this connection. */
  hostsBankFeed: boolean;
  /** Fixtures pin these; otherwise the id is drawn and the status weighted by role. */
  id?: string;
  status?: ConnectionStatus;
}

export type Shape = 'none' | 'accounting' | 'accountingPlusOne' | 'accountingPlusTwo' | 'switched' | 'commerceOnly' | 'bankingOnly';

const SHAPES = weightedTable<Shape>([
  ['none', 14], ['accounting', 50], ['accountingPlusOne', 20], ['accountingPlusTwo', 6],
  ['switched', 4], ['commerceOnly', 4], ['bankingOnly', 2],
]);

const BANK_FEED_SHARE = 0.18;

function extra(rng: SeededRandom, region: Region): ConnectionPlan {
  return rng.chance(0.5)
    ? { role: 'banking', key: rng.weighted(BANKING[region]), hostsBankFeed: false }
    : { role: 'commerce', key: rng.weighted(COMMERCE), hostsBankFeed: false };
}

/** Which connections a company has, in creation order. */
export function planConnections(rng: SeededRandom, region: Region, shape: Shape = rng.weighted(SHAPES)): ConnectionPlan[] {
  if (shape === 'none') return [];
  if (shape === 'commerceOnly') return [{ role: 'commerce', key: rng.weighted(COMMERCE), hostsBankFeed: false }];
  if (shape === 'bankingOnly') return [{ role: 'banking', key: rng.weighted(BANKING[region]), hostsBankFeed: false }];
  const plans: ConnectionPlan[] = [];
  const key = rng.weighted(ACCOUNTING);
  if (shape === 'switched') {
    let previous = rng.weighted(ACCOUNTING);
    if (previous === key) previous = key === 'hbql' ? 'pqsw' : 'hbql';
    plans.push({ role: 'previousAccounting', key: previous, hostsBankFeed: false });
  }
  const feedKey = BANK_FEED_FOR_ACCOUNTING[key];
  const withFeed = feedKey !== undefined && rng.chance(BANK_FEED_SHARE);
  plans.push({ role: 'accounting', key, hostsBankFeed: withFeed && feedKey === key });
  if (withFeed && feedKey !== key) plans.push({ role: 'bankFeed', key: feedKey, hostsBankFeed: true });
  if (shape === 'accountingPlusOne' || shape === 'accountingPlusTwo') plans.push(extra(rng, region));
  if (shape === 'accountingPlusTwo') plans.push(extra(rng, region));
  return plans;
}

const RESOLVED_KINDS = weightedTable<ConnectionErrorKind>([
  ['deauthorized', 4], ['tokenExpired', 3], ['rateLimited', 3], ['platformError', 3], ['platformUnavailable', 1],
]);
const ACTIVE_ON_LINKED = weightedTable<ConnectionErrorKind>([['rateLimited', 2], ['platformError', 1]]);

export interface SeededConnection {
  connection: ConnectionRecord;
  /** When a Deauthorized or Unlinked connection stopped syncing. */
  endedMs?: number;
}

function within(rng: SeededRandom, fromMs: number, toMs: number): number {
  return Math.round(fromMs + (toMs - fromMs) * rng.next());
}

function pastError(rng: SeededRandom, fromMs: number, toMs: number): DataConnectionError {
  // Leave the last tenth of the window so the error is resolved strictly after it happened.
  const erroredMs = within(rng, fromMs, toMs - (toMs - fromMs) / 10);
  const resolvedMs = Math.min(toMs, erroredMs + rng.between(10 * MINUTE_MS, 5 * DAY_MS));
  return resolvedError(rng.weighted(RESOLVED_KINDS), erroredMs, resolvedMs);
}

/**
 * A connection with a status and a timeline that agree: `lastSync` only once it was linked,
 * an active 401 on a Deauthorized connection, a cancelled-linking 403 on some PendingAuth ones,
 * resolved errors in the history of healthy ones.
 */
export function seedConnection(
  ctx: SeedContext,
  rng: SeededRandom,
  companyId: string,
  plan: ConnectionPlan,
  createdMs: number,
): SeededConnection {
  const status = plan.status ?? rng.weighted(STATUS_BY_ROLE[plan.role]);
  const errors: DataConnectionError[] = [];
  const connection: ConnectionRecord = {
    id: plan.id ?? rng.uuid(),
    companyId,
    integrationKey: plan.key,
    status,
    created: timestamp(createdMs),
    createdMs,
    errors,
    otps: [],
  };
  const { anchorMs } = ctx;
  const span = anchorMs - createdMs;
  let lastSyncMs: number | undefined;
  let endedMs: number | undefined;

  if (status === 'PendingAuth') {
    const attemptMs = Math.min(anchorMs - MINUTE_MS, createdMs + rng.between(MINUTE_MS, 30 * MINUTE_MS));
    if (rng.chance(0.3)) errors.push(activeError('userCancelled', attemptMs));
    else if (rng.chance(0.05)) errors.push(activeError('platformError', attemptMs));
  } else if (status === 'Linked') {
    lastSyncMs = anchorMs - Math.min(rng.between(10 * MINUTE_MS, 26 * HOUR_MS), span / 2);
    if (rng.chance(0.12)) errors.push(pastError(rng, createdMs, lastSyncMs));
    if (rng.chance(0.045)) errors.push(activeError(rng.weighted(ACTIVE_ON_LINKED), within(rng, lastSyncMs, anchorMs)));
  } else {
    endedMs = within(rng, createdMs + span * 0.3, createdMs + span * 0.98);
    const earliestSync = createdMs + 5 * MINUTE_MS;
    lastSyncMs = Math.max(Math.min(earliestSync, endedMs), endedMs - rng.between(HOUR_MS, 24 * HOUR_MS));
    if (rng.chance(0.1)) errors.push(pastError(rng, createdMs, lastSyncMs));
    if (status === 'Deauthorized' && rng.chance(0.95)) {
      errors.push(activeError(rng.chance(0.8) ? 'deauthorized' : 'tokenExpired', endedMs));
    }
  }

  // Bank-feed connections push data rather than read it: no syncs, no lastSync.
  const reads = SYNC_DATA_TYPES[platformByKey(plan.key)?.sourceType ?? 'Unknown'] !== undefined;
  if (lastSyncMs !== undefined && reads) {
    connection.lastSyncMs = Math.round(lastSyncMs);
    connection.lastSync = timestamp(connection.lastSyncMs);
  }
  return { connection, endedMs };
}
