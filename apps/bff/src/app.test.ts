import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test/stack.js';
import { CONTENT_SECURITY_POLICY } from './http/content-security-policy.js';

describe('BFF infrastructure', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', settings: { spaDir: '/nonexistent' } });
  });
  afterAll(() => stack.close());

  it('answers /healthz and /readyz while Codat is reachable', async () => {
    expect((await stack.json('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await stack.json('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.codat.ok).toBe(true);
  });

  it('gives every response a request id and renders unknown API routes as JSON errors', async () => {
    const response = await stack.request('/api/nothing-here');
    expect(response.status).toBe(404);
    const requestId = response.headers.get('X-Request-Id');
    expect(requestId).toBeTruthy();
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No such API route: GET /api/nothing-here', requestId },
    });
  });

  it('allows the browser only its own origin (Content-Security-Policy), the API docs page its one inline script by hash', async () => {
    for (const path of ['/healthz', '/api/nothing-here', '/api/auth/session', '/']) {
      const policy = (await stack.request(path)).headers.get('Content-Security-Policy');
      expect(policy, path).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    const docs = await stack.request('/api/docs');
    const script = /<script>([\s\S]*)<\/script>/.exec(await docs.text())![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(docs.headers.get('Content-Security-Policy')).toContain(`script-src 'self' 'sha256-${hash}'`);
  });

  it('refuses oversized bodies with 413', async () => {
    const response = await stack.json('/api/companies', { method: 'POST', body: { name: 'x'.repeat(70 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('exposes Prometheus metrics for requests and Codat calls', async () => {
    await stack.json('/readyz');
    const text = await (await stack.request('/metrics')).text();
    expect(text).toMatch(/console_http_requests_total\{method="GET",route="\/readyz",status="200"\} \d+/);
    expect(text).toMatch(/console_codat_requests_total\{operation="integrations.list",status="200"\} \d+/);
    expect(text).toMatch(/console_codat_rate_limit_remaining \d+/);
  });

  it('explains that the SPA has not been built instead of failing', async () => {
    const response = await stack.request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });

  it('writes one JSON access-log line per request, with its request id', async () => {
    const response = await stack.request('/healthz');
    const requestId = response.headers.get('X-Request-Id');
    const line = stack.logLines.map((l) => JSON.parse(l)).find((l) => l.requestId === requestId && l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
  });

  it('reports not ready when Codat stops answering', async () => {
    const down = await startStack({ scenario: 'empty' });
    await down.close();
    const ready = await down.json('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.codat.ok).toBe(false);
  });
});

describe('request metrics with the SPA served', () => {
  it('labels requests with the route that answered, not the SPA fallback', async () => {
    const spaDir = mkdtempSync(join(tmpdir(), 'spa-'));
    writeFileSync(join(spaDir, 'index.html'), '<!doctype html><title>console</title>');
    const stack = await startStack({ scenario: 'empty', settings: { spaDir } });
    try {
      await stack.request('/healthz');
      await stack.request('/companies/some/deep/link');
      const text = await (await stack.request('/metrics')).text();
      expect(text).toMatch(/console_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
      expect(text).toMatch(/console_http_requests_total\{method="GET",route="\/\*",status="200"\} 1/);
    } finally {
      await stack.close();
    }
  });
});
