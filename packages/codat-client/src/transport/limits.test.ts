import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { scriptedClient } from '../../test/scripted-client.js';
import { COMPANY, sendJson, type Script } from '../../test/scripted-server.js';
import type { RateLimitSnapshot } from './types.js';

const slowCompany: Script = async (request, response) => {
  await delay(30);
  sendJson(response, 200, { ...COMPANY, id: request.url.split('/')[2] });
};

describe('concurrency caps', () => {
  it('queues requests for one company beyond 10 in flight instead of failing', async () => {
    const { client, server } = await scriptedClient(slowCompany, { maxConcurrent: 100 });
    const results = await Promise.all(
      Array.from({ length: 25 }, () => client.companies.get(COMPANY.id)),
    );
    expect(results).toHaveLength(25);
    expect(server.maxInFlight).toBe(10);
  });

  it('applies a configured per-company cap to each company separately', async () => {
    const { client, server } = await scriptedClient(slowCompany, {
      maxConcurrentPerCompany: 3,
      maxConcurrent: 100,
    });
    const ids = ['c1', 'c2'];
    await Promise.all(Array.from({ length: 12 }, (_, i) => client.companies.get(ids[i % 2]!)));
    expect(server.maxInFlight).toBe(6);
  });

  it('caps requests across companies with the global limit', async () => {
    const { client, server } = await scriptedClient(slowCompany, { maxConcurrent: 4 });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => client.companies.get(`company-${i}`)),
      client.companies.list().catch(() => undefined),
    ]);
    expect(server.maxInFlight).toBe(4);
  });
});

describe('rate-limit headers and metrics', () => {
  it('exposes X-Rate-Limit-* from every response and reports them to the observer', async () => {
    const snapshots: RateLimitSnapshot[] = [];
    const requests: Array<[string, number]> = [];
    let remaining = 12000;
    const { client } = await scriptedClient(
      (_request, response) => {
        remaining -= 1;
        sendJson(response, 200, COMPANY, {
          'x-rate-limit-limit': '12000',
          'x-rate-limit-remaining': String(remaining),
          'x-rate-limit-reset': '2026-01-02T00:00:00Z',
        });
      },
      {
        observer: {
          onRateLimit: (snapshot) => snapshots.push(snapshot),
          onRequest: (operation, status, durationMs) => {
            expect(durationMs).toBeGreaterThanOrEqual(0);
            requests.push([operation, status]);
          },
        },
      },
    );
    expect(client.rateLimit).toBeUndefined();
    await client.companies.get(COMPANY.id);
    await client.companies.get(COMPANY.id);
    expect(client.rateLimit).toMatchObject({
      limit: 12000,
      remaining: 11998,
      reset: '2026-01-02T00:00:00Z',
    });
    expect(snapshots.map((s) => s.remaining)).toEqual([11999, 11998]);
    expect(requests).toEqual([
      ['companies.get', 200],
      ['companies.get', 200],
    ]);
  });

  it('keeps working when an observer hook throws', async () => {
    const { client } = await scriptedClient(
      (_request, response) => sendJson(response, 200, COMPANY),
      {
        observer: {
          onRequest: () => {
            throw new Error('metrics bug');
          },
        },
      },
    );
    await expect(client.companies.get(COMPANY.id)).resolves.toMatchObject({ id: COMPANY.id });
  });
});

describe('connection pooling', () => {
  it('reuses a kept-alive connection for sequential calls', async () => {
    const { client, server } = await scriptedClient((_request, response) =>
      sendJson(response, 200, COMPANY),
    );
    for (let i = 0; i < 10; i += 1) await client.companies.get(COMPANY.id);
    expect(server.requests).toHaveLength(10);
    // undici may open a second socket while the first is being released; never one per call.
    expect(server.connections).toBeLessThanOrEqual(2);
  });

  it('sends Basic auth with the base64 key, JSON headers and encoded path segments', async () => {
    const { client, server } = await scriptedClient((_request, response) =>
      sendJson(response, 200, COMPANY),
    );
    await client.companies.get('a/b c');
    await client.companies.create({ name: 'Acme' });
    const [get, post] = server.requests;
    expect(get).toMatchObject({ method: 'GET', url: '/companies/a%2Fb%20c' });
    expect(get?.headers.authorization).toBe(`Basic ${Buffer.from('test-key').toString('base64')}`);
    expect(get?.headers.accept).toBe('application/json');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post?.body ?? '')).toEqual({ name: 'Acme' });
  });

  it('keeps a path prefix of the base URL and encodes query parameters', async () => {
    const emptyPage = { results: [], pageNumber: 1, pageSize: 10, totalResults: 0, _links: {} };
    const { client, server } = await scriptedClient(
      (_request, response) => sendJson(response, 200, emptyPage),
      {},
      '/codat/',
    );
    await client.companies.list({
      pageSize: 10,
      query: 'dataConnections.status=PendingAuth',
      tags: 'region=uk && team=a',
    });
    expect(server.requests[0]?.url).toBe(
      '/codat/companies?pageSize=10&query=dataConnections.status%3DPendingAuth&tags=region%3Duk%20%26%26%20team%3Da',
    );
  });
});
