import type { PGlite, Results } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { currentLane } from './lanes.js';
import type { PgliteReply, PgliteRequest, PgliteWorkerData, QueryOptions } from './pglite-messages.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = PgliteRequest extends infer R ? (R extends PgliteRequest ? Omit<R, 'id'> : never) : never;

/** What drizzle's PGlite driver calls on a client or on a transaction. */
interface Queryable {
  query<T>(text: string, params?: unknown[], options?: { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> }): Promise<Results<T>>;
  exec(text: string): Promise<Array<Results>>;
}

/**
 * The worker's script: beside the bundle's main.js once built (scripts/build.mjs makes it an entry
 * point of its own); else the TypeScript source beside this module, loaded through tsx's hooks,
 * which a worker thread does not inherit from the process's `--import tsx`.
 */
function workerScript(): URL {
  const built = new URL('./pglite-worker.js', import.meta.url);
  if (existsSync(built)) return built;
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./pglite-worker.ts', import.meta.url).href;
  return new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source)});`)}`);
}

function databaseError(error: { message: string; name: string; fields: Record<string, unknown> }): Error {
  return Object.assign(new Error(error.message), { name: error.name }, error.fields);
}

function queryOptions(options: Parameters<Queryable['query']>[2] = {}): QueryOptions {
  const { rowMode = 'object', parsers = {}, ...rest } = options;
  if (Object.keys(rest).length > 0) throw new Error(`PGlite worker: unsupported query options ${Object.keys(rest).join(', ')}`);
  return { rowMode, textTypes: Object.keys(parsers).map(Number) };
}

/**
 * Embedded PGlite in a worker thread, with the part of PGlite's client drizzle uses (query, exec,
 * transaction). Statements run one at a time, as in PGlite itself; a transaction holds the
 * database until it ends, so other statements wait for it there, not on the main event loop, and
 * those of the request lane go before those of the background lane (lanes.ts).
 */
export class PgliteThread implements Queryable {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly waitReady: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.waitReady = new Promise((resolve, reject) => {
      this.pending.set(0, { resolve: () => resolve(), reject });
    });
    worker.on('message', (reply: PgliteReply) => this.settle(reply));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`the PGlite worker stopped (exit code ${code})`)));
  }

  static open(workerData: PgliteWorkerData): PgliteThread {
    return new PgliteThread(new Worker(workerScript(), { workerData }));
  }

  private settle(reply: PgliteReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in reply) waiting.reject(databaseError(reply.error));
    else waiting.resolve(reply.result);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  /** One request to the worker; the worker keeps the process alive only while one is pending. */
  private send<T>(request: Request): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  query<T>(text: string, params: unknown[] = [], options?: Parameters<Queryable['query']>[2], tx?: number): Promise<Results<T>> {
    return this.send({ op: 'query', text, params, options: queryOptions(options), tx, lane: currentLane() });
  }

  exec(text: string, tx?: number): Promise<Array<Results>> {
    return this.send({ op: 'exec', text, tx, lane: currentLane() });
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx = await this.send<number>({ op: 'begin', lane: currentLane() });
    const inTransaction: Queryable = {
      query: (text, params, options) => this.query(text, params, options, tx),
      exec: (text) => this.exec(text, tx),
    };
    let result: T;
    try {
      result = await fn(inTransaction);
    } catch (error) {
      await this.send({ op: 'end', tx, commit: false });
      throw error;
    }
    await this.send({ op: 'end', tx, commit: true });
    return result;
  }

  /**
   * The longest a background statement or transaction held the database since the last call (ms):
   * how long a request may have waited for the mirror's work.
   */
  takeLongestBackgroundHold(): Promise<number> {
    return this.send({ op: 'longest-hold' });
  }

  async close(): Promise<void> {
    await this.send({ op: 'close' });
    await this.worker.terminate();
  }

  /** For drizzle's PGlite driver, which is typed for PGlite itself. */
  asPglite(): PGlite {
    return this as unknown as PGlite;
  }
}
