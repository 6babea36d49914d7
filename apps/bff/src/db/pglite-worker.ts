/**
 * Worker thread holding the embedded PGlite (see pglite-thread.ts): PostgreSQL's WebAssembly runs
 * here, so a long statement (a sync's slice, an index build, a vacuum) delays the requests that
 * wait for the database, never the main event loop that answers every other one. It takes one
 * statement or transaction at a time from two queues (lanes.ts): requests' first, and the
 * background's once no request's is queued and the last ended `requestGraceMs` ago, or once the
 * background lane has been passed over for BACKGROUND_MAX_WAIT_MS.
 */
import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './pglite.js';
import type { Lane } from './lanes.js';
import type { PgliteReply, PgliteRequest, PgliteWorkerData } from './pglite-messages.js';

const port = parentPort!;
/**
 * How long the background lane waits after a request's statement for that request's next one: a
 * request makes several in turn, and each would otherwise wait for a background statement of its own.
 */
const REQUEST_GRACE_MS = 5;
const { dataDir, requestGraceMs = REQUEST_GRACE_MS } = workerData as PgliteWorkerData;
const client: PGlite = await openPglite(dataDir, (check) => take('background', check));
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean, id: number) => void }>();
let nextTransaction = 1;
/** Thrown into PGlite's transaction callback to roll it back; not an error to report. */
const ROLLBACK = Symbol('rollback');

const reply = (message: PgliteReply) => port.postMessage(message);

/** A database error's message and its plain fields (code, detail, …): what crosses to the main thread. */
function replyError(id: number, error: unknown): void {
  if (!(error instanceof Error)) return reply({ id, error: { message: String(error), name: 'Error', fields: {} } });
  const fields = Object.fromEntries(Object.entries(error).filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value)));
  reply({ id, error: { message: error.message, name: error.name, fields } });
}

/** drizzle asks for some types as text: parsers that return their input. */
const textParsers = (types: readonly number[]) => Object.fromEntries(types.map((type) => [type, (value: string) => value]));

function target(tx: number | undefined): Pick<Transaction, 'query' | 'exec'> {
  if (tx === undefined) return client;
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is not open`);
  return open.tx;
}

/** Opens a transaction and answers its id; settles once it has ended (committed or rolled back). */
function begin(id: number): Promise<void> {
  const txId = nextTransaction++;
  let endId = 0;
  return client
    .transaction(
      (tx) =>
        new Promise<void>((resolve, reject) => {
          transactions.set(txId, {
            tx,
            end: (commit, requestId) => {
              endId = requestId;
              if (commit) resolve();
              else reject(ROLLBACK);
            },
          });
          reply({ id, result: txId });
        }),
    )
    .then(
      () => reply({ id: endId, result: null }),
      (error: unknown) => (error === ROLLBACK ? reply({ id: endId, result: null }) : replyError(endId || id, error)),
    )
    .finally(() => transactions.delete(txId));
}

/** What holds the database next: a statement outside any transaction, or a whole transaction. */
type Turn = () => Promise<void>;
const waiting: Record<Lane, Turn[]> = { request: [], background: [] };
/** Longest the background lane is passed over while requests keep coming: a busy console slows the sync down, never stops it. */
const BACKGROUND_MAX_WAIT_MS = 100;
let holding = false;
let requestEndedAt = -Infinity;
/** The longest statement or transaction of the background lane since the main thread last asked (`longest-hold`). */
let longestBackgroundHoldMs = 0;
/** Since when the request lane has gone first while the background lane waited. */
let passedOverSince: number | undefined;
let graceTimer: NodeJS.Timeout | undefined;

function take(lane: Lane, turn: Turn): void {
  waiting[lane].push(turn);
  next();
}

function next(): void {
  if (holding) return;
  clearTimeout(graceTimer);
  if (waiting.background.length === 0) return waiting.request.length > 0 ? hold('request') : undefined;
  const now = performance.now();
  passedOverSince ??= now;
  const overdue = now - passedOverSince >= BACKGROUND_MAX_WAIT_MS;
  if (waiting.request.length > 0 && !overdue) return hold('request');
  // A request's statements come one after another: the next usually follows within the grace.
  const graceLeft = Math.min(requestEndedAt + requestGraceMs, passedOverSince + BACKGROUND_MAX_WAIT_MS) - now;
  if (graceLeft > 0) graceTimer = setTimeout(next, graceLeft);
  else hold('background');
}

function hold(lane: Lane): void {
  const turn = waiting[lane].shift()!;
  holding = true;
  if (lane === 'background') passedOverSince = undefined;
  const started = performance.now();
  void turn().finally(() => {
    if (lane === 'request') requestEndedAt = performance.now();
    else longestBackgroundHoldMs = Math.max(longestBackgroundHoldMs, performance.now() - started);
    // A long statement blocks this thread, so statements sent meanwhile are still in the port:
    // reading them all before choosing lets a request's go before the background's sent earlier.
    setImmediate(() => {
      holding = false;
      next();
    });
  });
}

async function run(request: Extract<PgliteRequest, { op: 'query' | 'exec' }>): Promise<void> {
  if (request.op === 'exec') return reply({ id: request.id, result: await target(request.tx).exec(request.text) });
  const { rowMode, textTypes } = request.options;
  const result: Results = await target(request.tx).query(request.text, request.params, { rowMode, parsers: textParsers(textTypes) });
  reply({ id: request.id, result });
}

async function handle(request: PgliteRequest): Promise<void> {
  switch (request.op) {
    case 'query':
    case 'exec':
      if (request.tx !== undefined) return run(request);
      return take(request.lane, () => run(request).catch((error: unknown) => replyError(request.id, error)));
    case 'begin':
      return take(request.lane, () => begin(request.id));
    case 'end': {
      const open = transactions.get(request.tx);
      if (!open) throw new Error(`transaction ${request.tx} is not open`);
      return open.end(request.commit, request.id);
    }
    case 'longest-hold':
      reply({ id: request.id, result: longestBackgroundHoldMs });
      longestBackgroundHoldMs = 0;
      return;
    case 'close':
      return take('request', async () => {
        await client.close();
        reply({ id: request.id, result: null });
        port.close();
      });
  }
}

port.on('message', (request: PgliteRequest) => void handle(request).catch((error: unknown) => replyError(request.id, error)));
port.postMessage({ id: 0, result: 'ready' } satisfies PgliteReply);
