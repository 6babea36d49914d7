import type { IncomingHttpHeaders } from 'node:http';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CodatRequest {
  /** Names the call in errors and metrics, e.g. `companies.get`. */
  operation: string;
  method: HttpMethod;
  /** Path below the base URL, segments already encoded. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Serialised as JSON when defined. */
  body?: unknown;
  /** Key for the per-company concurrency cap. */
  companyId?: string;
  /** Non-2xx statuses whose body is a result, not an error (batch create answers 409 with results). */
  resultStatuses?: readonly number[];
}

export interface CodatResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** What Codat last said about the daily quota (`X-Rate-Limit-*` headers). */
export interface RateLimitSnapshot {
  limit?: number;
  remaining?: number;
  /** `X-Rate-Limit-Reset` as sent (format unpublished; an ISO date-time in the emulator). */
  reset?: string;
  /** Client clock (ms) when the response carrying these headers arrived. */
  observedAt: number;
}

/** Metrics hooks, e.g. for Prometheus counters. Exceptions thrown by a hook are ignored. */
export interface CodatClientObserver {
  /** Once per HTTP exchange (so retries count); status 0 when there was no HTTP answer. */
  onRequest?(operation: string, status: number, durationMs: number): void;
  /** Before sleeping for a retry; `attempt` is the attempt that failed, `reason` e.g. `http-503`, `timeout`. */
  onRetry?(operation: string, attempt: number, reason: string): void;
  onRateLimit?(snapshot: RateLimitSnapshot): void;
}
