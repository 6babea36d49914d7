import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Serves the built SPA; unknown non-API paths get index.html so client-side routes deep-link. */
export function spaRoutes(spaDir: string | undefined): Hono {
  const app = new Hono();
  const indexFile = spaDir ? join(spaDir, 'index.html') : undefined;
  if (!spaDir || !indexFile || !existsSync(indexFile)) {
    app.get('/', (c) =>
      c.text('The console UI has not been built. Run `npm run build` (or `npm start`, which builds it).', 503),
    );
    return app;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  const root = relative(process.cwd(), spaDir) || '.';
  app.use('/assets/*', serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => c.html(indexHtml, 200, { 'Cache-Control': 'no-cache' }));
  return app;
}
