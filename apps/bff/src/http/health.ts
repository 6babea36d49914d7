import { Hono } from 'hono';
import type { BffDeps } from '../deps.js';

/** /healthz: the process is up. /readyz: its dependencies answer. /metrics: Prometheus text. */
export function healthRoutes({ metrics, readinessChecks }: BffDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const results = await Promise.all(
      Object.entries(readinessChecks).map(async ([name, check]) => {
        try {
          await check();
          return [name, { ok: true }] as const;
        } catch (error) {
          return [name, { ok: false, error: error instanceof Error ? error.message : 'failed' }] as const;
        }
      }),
    );
    const ready = results.every(([, result]) => result.ok);
    return c.json({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) }, ready ? 200 : 503);
  });
  app.get('/metrics', (c) => c.text(metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4' }));
  return app;
}
