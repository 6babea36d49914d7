import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { codatServerTiming, traceCodatCalls, type CodatCall } from '../observability/codat-trace.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';

/**
 * One JSON access-log line and the request metrics per request, labelled by route pattern; a
 * `Server-Timing: codat;…` header counts the Codat calls and round trips the request waited for.
 */
export function observeRequests(logger: Logger, metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const codatCalls: CodatCall[] = [];
    await traceCodatCalls(codatCalls, next);
    // On the response's own headers: c.header() on a finished response rebuilds it as a web
    // Response, whose body the Node adapter then streams instead of writing it at once.
    if (codatCalls.length > 0) c.res.headers.append('Server-Timing', codatServerTiming(codatCalls));
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
