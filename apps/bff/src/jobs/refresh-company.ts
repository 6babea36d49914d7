import { CodatError, parseCodatDate, type CodatClient, type DataType } from '@console/codat-client';
import { isRunningStatus } from '@console/contracts';
import type { JobItem } from './model.js';

export interface Pair {
  connectionId: string;
  dataType: DataType;
}

/**
 * What an item's refresh queues and has queued so far: Codat's refresh-all for the company, or
 * one read per (Linked connection, data type). Kept on the item after every Codat answer, so a
 * crash loses at most the answer in flight, which `lookUp` finds in Codat.
 */
export interface RefreshProgress {
  all: boolean;
  pairs: Pair[];
  queued: Array<Pair & { pullOperationId: string }>;
  allQueued?: boolean;
  /** Types left out because Codat was already reading them (it refuses a second queue). */
  alreadyRunning: DataType[];
  /** When the first call was about to be made: Codat's pull operations are looked for from then. */
  since?: string;
}

export type CallOutcome =
  | { kind: 'done'; progress: RefreshProgress }
  | { kind: 'failed'; progress: RefreshProgress; reason: string; codatCorrelationId?: string }
  | { kind: 'unknown'; progress: RefreshProgress; reason: string };

/** A clock difference tolerated between the console and Codat when matching `requested` times. */
const CLOCK_SKEW_MS = 5_000;

const samePair = (a: Pair, b: Pair) => a.connectionId === b.connectionId && a.dataType === b.dataType;

export const remainingPairs = (progress: RefreshProgress) => progress.pairs.filter((pair) => !progress.queued.some((done) => samePair(done, pair)));

/** Reads data status once and leaves out the types Codat is already reading. */
export async function planRefresh(codat: CodatClient, item: JobItem, dataTypes: 'all' | DataType[]): Promise<RefreshProgress> {
  if (dataTypes === 'all') return { all: true, pairs: [], queued: [], alreadyRunning: [] };
  const status = await codat.data.status(item.companyId);
  const alreadyRunning = dataTypes.filter((type) => isRunningStatus(status[type]?.currentStatus));
  const pairs = item.connectionIds.flatMap((connectionId) =>
    dataTypes.filter((type) => !alreadyRunning.includes(type)).map((dataType) => ({ connectionId, dataType })),
  );
  return { all: false, pairs, queued: [], alreadyRunning };
}

const isAnswer = (error: unknown): error is CodatError => error instanceof CodatError && error.kind === 'http';

/**
 * Makes the calls still to be made. A 429 is Codat saying no: waited out (`Retry-After`) and
 * asked again. A read already running is noted, not failed. A timeout or dropped connection is
 * `unknown`: the call may have been queued, so it is never simply repeated.
 */
export async function queueRemaining(
  codat: CodatClient,
  companyId: string,
  start: RefreshProgress,
  save: (progress: RefreshProgress) => Promise<void>,
  sleep: (ms: number) => Promise<void>,
): Promise<CallOutcome> {
  let progress = start;
  const calls: Array<() => Promise<RefreshProgress>> = progress.all
    ? progress.allQueued
      ? []
      : [async () => (await codat.data.refreshAll(companyId), { ...progress, allQueued: true })]
    : remainingPairs(progress).map((pair) => async () => {
        const operation = await codat.data.refreshDataType(companyId, pair.dataType, { connectionId: pair.connectionId });
        return { ...progress, queued: [...progress.queued, { ...pair, pullOperationId: operation.id }] };
      });
  for (const [index, call] of calls.entries()) {
    for (;;) {
      try {
        progress = await call();
        break;
      } catch (error) {
        if (isAnswer(error) && error.status === 429) {
          await sleep(Math.max(1, error.retryAfterSeconds ?? 1) * 1000);
          continue;
        }
        if (isAnswer(error) && /DatasetAlreadyInProgress/i.test(error.codatError ?? '')) {
          const pair = remainingPairs(progress)[0]!;
          progress = { ...progress, pairs: progress.pairs.filter((p) => !samePair(p, pair)), alreadyRunning: [...new Set([...progress.alreadyRunning, pair.dataType])] };
          break;
        }
        if (isAnswer(error)) {
          return { kind: 'failed', progress, reason: `Codat ${error.status}: ${error.codatError ?? error.message}`, codatCorrelationId: error.correlationId };
        }
        return { kind: 'unknown', progress, reason: error instanceof Error ? error.message : 'no answer from Codat' };
      }
    }
    if (index < calls.length - 1) await save(progress);
  }
  return { kind: 'done', progress };
}

/**
 * Resolves calls whose answer never came: Codat's pull operations requested since the first
 * call, for the pairs not yet known queued (any, for refresh-all), count as queued by this item.
 */
export async function lookUp(codat: CodatClient, companyId: string, progress: RefreshProgress): Promise<RefreshProgress> {
  const since = (progress.since ? Date.parse(progress.since) : 0) - CLOCK_SKEW_MS;
  const recent = (await codat.pullOperations.list(companyId, { orderBy: '-requested', pageSize: 100 })).results.filter(
    (operation) => (parseCodatDate(operation.requested)?.getTime() ?? 0) >= since,
  );
  if (progress.all) return { ...progress, allQueued: progress.allQueued || recent.length > 0 };
  const found = remainingPairs(progress).flatMap((pair) => {
    const operation = recent.find((candidate) => candidate.connectionId === pair.connectionId && candidate.dataType === pair.dataType);
    return operation ? [{ ...pair, pullOperationId: operation.id }] : [];
  });
  return { ...progress, queued: [...progress.queued, ...found] };
}
