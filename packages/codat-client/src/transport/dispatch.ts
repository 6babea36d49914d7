import type { Dispatcher } from 'undici';
import { exchange } from './exchange.js';
import { readRateLimit } from './rate-limit.js';
import { KeyedSemaphore, Semaphore } from './semaphore.js';
import type {
  CodatClientObserver,
  CodatRequest,
  CodatResponse,
  RateLimitSnapshot,
} from './types.js';

export interface DispatchOptions {
  baseUrl: string;
  /** The full `Authorization` header value; held only in this closure. */
  authorization: string;
  dispatcher: Dispatcher;
  maxConcurrentPerCompany: number;
  maxConcurrent: number;
  observer?: CodatClientObserver;
  now: () => number;
}

export interface Dispatch {
  /** One HTTP exchange within the concurrency caps; throws CodatError on timeout or network failure. */
  attempt(request: CodatRequest, timeoutMs: number): Promise<CodatResponse>;
  readonly rateLimit: RateLimitSnapshot | undefined;
}

function queryString(query: CodatRequest['query']): string {
  const pairs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** Metrics must never break a Codat call. */
export function notify(hook: () => void): void {
  try {
    hook();
  } catch {
    // ignored on purpose
  }
}

export function createDispatch(options: DispatchOptions): Dispatch {
  const { dispatcher, observer, now } = options;
  const base = new URL(options.baseUrl);
  const pathPrefix = base.pathname.replace(/\/+$/, '');
  const perCompany = new KeyedSemaphore(options.maxConcurrentPerCompany);
  const overall = new Semaphore(options.maxConcurrent);
  let rateLimit: RateLimitSnapshot | undefined;

  // Slots are held for one exchange only, never across a backoff sleep.
  async function attempt(request: CodatRequest, timeoutMs: number): Promise<CodatResponse> {
    const releaseCompany =
      request.companyId === undefined ? undefined : await perCompany.acquire(request.companyId);
    const releaseOverall = await overall.acquire();
    const startedAt = now();
    let status = 0;
    try {
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      const response = await exchange(dispatcher, {
        operation: request.operation,
        method: request.method,
        origin: base.origin,
        path: pathPrefix + request.path + queryString(request.query),
        headers: {
          authorization: options.authorization,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
        timeoutMs,
      });
      status = response.status;
      const snapshot = readRateLimit(response.headers, now());
      if (snapshot) {
        rateLimit = snapshot;
        notify(() => observer?.onRateLimit?.(snapshot));
      }
      return response;
    } finally {
      releaseOverall();
      releaseCompany?.();
      notify(() => observer?.onRequest?.(request.operation, status, now() - startedAt));
    }
  }

  return {
    attempt,
    get rateLimit() {
      return rateLimit;
    },
  };
}
