import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.js';
import { errors } from './errors.js';

export interface RateLimitSettings {
  /** Requests allowed per window (Codat: 1,000 × (1 + active connected companies) per day). */
  limit: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { limit: 1_000_000, windowMs: 86_400_000 };

/** A fixed-window request budget that answers like Codat: `X-Rate-Limit-*` headers, then 429. */
export class RateLimiter {
  private settings = DEFAULT_RATE_LIMIT;
  private used = 0;
  private windowStartMs: number;

  constructor(private readonly clock: Clock) {
    this.windowStartMs = clock.now();
  }

  configure(settings: RateLimitSettings): void {
    this.settings = settings;
    this.used = 0;
    this.windowStartMs = this.clock.now();
  }

  reset(): void {
    this.configure(DEFAULT_RATE_LIMIT);
  }

  get current(): RateLimitSettings & { remaining: number; resetMs: number } {
    this.roll();
    return {
      ...this.settings,
      remaining: Math.max(0, this.settings.limit - this.used),
      resetMs: this.windowStartMs + this.settings.windowMs,
    };
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      this.roll();
      const allowed = this.used < this.settings.limit;
      if (allowed) this.used += 1;
      const { limit, remaining, resetMs } = this.current;
      const headers = {
        'X-Rate-Limit-Limit': String(limit),
        'X-Rate-Limit-Remaining': String(remaining),
        'X-Rate-Limit-Reset': new Date(resetMs).toISOString(),
      };
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      if (!allowed) {
        const retryAfter = Math.max(1, Math.ceil((resetMs - this.clock.now()) / 1000));
        const error = errors.tooManyRequests(retryAfter);
        Object.assign(error.headers, headers);
        throw error;
      }
      await next();
    };
  }

  private roll(): void {
    const now = this.clock.now();
    if (now >= this.windowStartMs + this.settings.windowMs) {
      this.windowStartMs = now;
      this.used = 0;
    }
  }
}
