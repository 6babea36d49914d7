import type { MiddlewareHandler } from 'hono';
import type { BffDeps } from '../deps.js';

/**
 * The /api requests one app is answering, so background work (the mirror sync) can let them go
 * first: on embedded PGlite a request's queries otherwise queue behind the sync's, one by one.
 */
export class RequestsInFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  readonly track: MiddlewareHandler = async (_c, next) => {
    this.count += 1;
    try {
      await next();
    } finally {
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  };

  /** Resolves once no request is in flight, or after `maxWaitMs`, so a busy console cannot stall background work. */
  idle(maxWaitMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, maxWaitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}

const trackers = new WeakMap<BffDeps, RequestsInFlight>();

/** The tracker of one app's dependencies, shared by its /api middleware and its mirror. */
export function requestsInFlight(deps: BffDeps): RequestsInFlight {
  let tracker = trackers.get(deps);
  if (!tracker) trackers.set(deps, (tracker = new RequestsInFlight()));
  return tracker;
}
