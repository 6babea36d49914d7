import { setTimeout as delay } from 'node:timers/promises';
import { Pool, type Dispatcher } from 'undici';
import { authorizationHeader } from './auth.js';
import { bankFeedsOperations } from './operations/bank-feeds.js';
import { createCaller } from './operations/caller.js';
import { companiesOperations } from './operations/companies.js';
import { connectionsOperations } from './operations/connections.js';
import { dataOperations, pullOperationsOperations } from './operations/data.js';
import { integrationsOperations } from './operations/integrations.js';
import { createRedactor } from './redact.js';
import { DEFAULT_RETRY, type RetryOptions } from './transport/retry-policy.js';
import { createTransport } from './transport/transport.js';
import type { CodatClientObserver, RateLimitSnapshot } from './transport/types.js';

export interface CodatClientOptions {
  /** `https://api.codat.io` or an emulator's URL. */
  baseUrl: string;
  /** The raw key, or the Portal's ready-made `Basic …` header value. */
  apiKey: string;
  /** Per HTTP attempt, body included. Default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Codat allows 10 concurrent requests per company; more wait in line. Default 10. */
  maxConcurrentPerCompany?: number;
  /** Across all companies; more wait in line. Default 32. */
  maxConcurrent?: number;
  observer?: CodatClientObserver;
  /** Default: a keep-alive undici `Pool` to the base URL's origin, closed by `close()`. */
  dispatcher?: Dispatcher;
  /** Seams for deterministic tests of backoff. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_CONCURRENT_PER_COMPANY = 10;
const DEFAULT_MAX_CONCURRENT = 32;
const KEEP_ALIVE_MS = 30_000;

export type CodatClient = ReturnType<typeof createCodatClient>;

export function createCodatClient(options: CodatClientOptions) {
  if (!options.apiKey) throw new TypeError('createCodatClient: apiKey is required');
  const origin = new URL(options.baseUrl).origin;
  const maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ??
    new Pool(origin, { connections: maxConcurrent, keepAliveTimeout: KEEP_ALIVE_MS });
  const transport = createTransport({
    baseUrl: options.baseUrl,
    authorization: authorizationHeader(options.apiKey),
    dispatcher,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    maxConcurrentPerCompany: options.maxConcurrentPerCompany ?? DEFAULT_MAX_CONCURRENT_PER_COMPANY,
    maxConcurrent,
    observer: options.observer,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => delay(ms)),
    random: options.random ?? Math.random,
  });
  const caller = createCaller(transport, createRedactor(options.apiKey));

  return {
    companies: companiesOperations(caller),
    connections: connectionsOperations(caller),
    integrations: integrationsOperations(caller),
    data: dataOperations(caller),
    pullOperations: pullOperationsOperations(caller),
    bankFeeds: bankFeedsOperations(caller),
    /** The quota as of the latest response that carried `X-Rate-Limit-*` headers. */
    get rateLimit(): RateLimitSnapshot | undefined {
      return transport.rateLimit;
    },
    /** Closes the connection pool the client created; an injected dispatcher is left alone. */
    close: async (): Promise<void> => {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}
