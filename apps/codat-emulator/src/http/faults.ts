import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CodatError, errors } from './errors.js';

export type FaultStatus = 408 | 429 | 500 | 502 | 503 | 504;

export interface FaultSettings {
  /** Added to every API response. */
  latencyMs: number;
  /** Probability (0–1) that a request fails with `errorStatus`. */
  errorRate: number;
  errorStatus: FaultStatus;
  /** The next `count` requests fail with `status` (a burst or a 429 storm). */
  burst?: { status: FaultStatus; count: number; retryAfterSeconds?: number };
  /** Only requests with these methods are slowed or failed (all when absent): e.g. a slow create behind fast reads. */
  methods?: string[];
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, errorStatus: 500 };

export function faultError(status: FaultStatus, retryAfterSeconds = 1): CodatError {
  switch (status) {
    case 429:
      return errors.tooManyRequests(retryAfterSeconds);
    case 500:
      return errors.serverError();
    case 503:
      return errors.unavailable();
    default:
      return new CodatError(status as ContentfulStatusCode, 'PublicApi', 'Upstream failure injected by the emulator.');
  }
}

/** Injected latency and failures, controlled through the control API. Deterministic given a random source. */
export class Faults {
  settings: FaultSettings = { ...NO_FAULTS };

  constructor(private readonly random: () => number = Math.random) {}

  reset(): void {
    this.settings = { ...NO_FAULTS };
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const { latencyMs, errorRate, errorStatus, burst, methods } = this.settings;
      if (methods && !methods.includes(c.req.method)) return next();
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (burst && burst.count > 0) {
        burst.count -= 1;
        throw faultError(burst.status, burst.retryAfterSeconds);
      }
      if (errorRate > 0 && this.random() < errorRate) throw faultError(errorStatus);
      await next();
    };
  }
}
