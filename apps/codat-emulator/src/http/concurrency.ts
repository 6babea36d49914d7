import type { MiddlewareHandler } from 'hono';
import { errors } from './errors.js';

/** Codat allows 10 concurrent requests per active connected company. */
export const CONCURRENT_REQUESTS_PER_COMPANY = 10;

const COMPANY_PATH = /^\/companies\/([^/]+)/;

/**
 * Codat's concurrency rule: a request that would be the 11th in flight for one company answers
 * 429 (Codat's `ErrorMessage`, `Retry-After: 1`). Counted per company id in the path, including
 * injected latency, so a client that ignores the rule is seen doing so in `/_emulator/state`.
 */
export class ConcurrencyLimiter {
  private readonly inFlight = new Map<string, number>();
  private rejected = 0;
  private peak = 0;

  reset(): void {
    this.rejected = 0;
    this.peak = 0;
  }

  get current() {
    return { limitPerCompany: CONCURRENT_REQUESTS_PER_COMPANY, rejected: this.rejected, peakPerCompany: this.peak };
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const companyId = COMPANY_PATH.exec(c.req.path)?.[1]?.toLowerCase();
      if (!companyId) return next();
      const running = this.inFlight.get(companyId) ?? 0;
      if (running >= CONCURRENT_REQUESTS_PER_COMPANY) {
        this.rejected += 1;
        throw errors.tooManyRequests(1);
      }
      this.inFlight.set(companyId, running + 1);
      this.peak = Math.max(this.peak, running + 1);
      try {
        await next();
      } finally {
        const left = (this.inFlight.get(companyId) ?? 1) - 1;
        if (left > 0) this.inFlight.set(companyId, left);
        else this.inFlight.delete(companyId);
      }
    };
  }
}
