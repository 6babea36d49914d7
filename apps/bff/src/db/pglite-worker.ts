/**
 * Worker thread holding the embedded PGlite (see pglite-thread.ts): PostgreSQL's WebAssembly runs
 * here, so a long statement (a sync's slice, an index build, a vacuum) delays the requests that
 * wait for the database, never the main event loop that answers every other one. It takes one
 * statement or transaction at a time from two queues, requests' first (lanes.ts).
 */
import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './pglite.js';
import type { Lane } from './lanes.js';
import type { PgliteReply, PgliteRequest } from './pglite-messages.js';

const port = parentPort!;
const client: PGlite = await openPglite((workerData as { dataDir: string }).dataDir);
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
let holding = false;

function take(lane: Lane, turn: Turn): void {
  waiting[lane].push(turn);
  if (!holding) next();
}

function next(): void {
  const turn = waiting.request.shift() ?? waiting.background.shift();
  holding = turn !== undefined;
  // setImmediate: a long statement blocks this thread, so statements sent meanwhile are still in
  // the port; reading them first lets a request's go before the background's queued earlier.
  if (turn) void turn().finally(() => setImmediate(next));
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
