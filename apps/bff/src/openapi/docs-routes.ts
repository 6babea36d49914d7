import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { CONTENT_SECURITY_POLICY } from '../http/content-security-policy.js';
import type { OpenApiRegistry } from './registry.js';

const SCRIPT = `
fetch('/api/openapi.json').then(r => r.json()).then(doc => {
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) (byTag[op.tags[0]] ??= []).push({ path, method, op });
  const main = document.getElementById('routes');
  main.textContent = '';
  for (const [tag, routes] of Object.entries(byTag)) {
    const h = document.createElement('h2'); h.textContent = tag; main.append(h);
    for (const { path, method, op } of routes) {
      const d = document.createElement('details');
      const s = document.createElement('summary');
      const m = document.createElement('code'); m.className = 'm'; m.textContent = method;
      s.append(m, ' /api' + path + ' — ' + op.summary);
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2);
      d.append(s, pre); main.append(d);
    }
  }
});
`;

/** The page's one inline script, allowed by its hash: everything else stays under the console's policy. */
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Codat Ops Console API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem 2rem;color:#1b1f24}
h2{border-bottom:1px solid #d0d7de;padding-bottom:.25rem;margin-top:2rem}
details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.5rem .75rem}
summary{cursor:pointer}code.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:13px}
</style></head><body>
<h1>Codat Ops Console API</h1>
<p>Lists follow ra-data-simple-rest: <code>filter</code>, <code>range</code> and <code>sort</code> query parameters;
totals in <code>Content-Range</code> and <code>X-Total-Count</code>. Errors are
<code>{ "error": { "code", "message", "requestId", "codatCorrelationId"? } }</code>.
Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<main id="routes">Loading…</main>
<script>${SCRIPT}</script></body></html>`;

/** `/api/openapi.json` and a browsable reference page at `/api/docs`. */
export function docsRoutes(docs: OpenApiRegistry): Hono {
  const app = new Hono();
  app.get('/openapi.json', (c) => c.json(docs.document()));
  app.get('/docs', (c) =>
    c.html(PAGE, 200, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'sha256-${SCRIPT_HASH}'`) }),
  );
  return app;
}
