import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';

/** One JSON access-log line and the request metrics per request, labelled by route pattern. */
export function observeRequests(logger: Logger, metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    // After next(), the route index points at the handler that answered.
    const route = routePath(c) || 'unmatched';
    const labels = { method: c.req.method, route };
    metrics.httpRequests.inc({ ...labels, status: String(c.res.status) });
    metrics.httpDuration.observe(seconds, labels);
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        route,
        status: c.res.status,
        durationMs: Math.round(seconds * 1000 * 10) / 10,
      },
      'request',
    );
  };
}
