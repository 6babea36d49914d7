import { describe, expect, it } from 'vitest';
import { CodatError } from '../errors.js';
import { fakeTiming } from '../../test/fake-timing.js';
import { scriptedClient } from '../../test/scripted-client.js';
import { COMPANY, codatErrorBody, sendJson } from '../../test/scripted-server.js';

const realTiming = { now: Date.now, sleep: undefined, random: undefined };

describe('retries', () => {
  it('retries a GET on 429, sleeping at least Retry-After seconds', async () => {
    const { client, timing, retries, server } = await scriptedClient((_request, response, index) =>
      index < 2
        ? sendJson(response, 429, codatErrorBody(429, 'Too many requests'), { 'retry-after': '2' })
        : sendJson(response, 200, COMPANY),
    );
    const company = await client.companies.get(COMPANY.id);
    expect(company.name).toBe('Technicalium');
    expect(server.requests).toHaveLength(3);
    expect(timing.sleeps).toEqual([2000, 2000]);
    expect(retries).toEqual(['companies.get#1:http-429', 'companies.get#2:http-429']);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const timing = fakeTiming(start);
    const { client } = await scriptedClient(
      (_request, response, index) =>
        index === 0
          ? sendJson(response, 429, codatErrorBody(429, 'slow down'), {
              'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT',
            })
          : sendJson(response, 200, COMPANY),
      timing,
    );
    await client.companies.get(COMPANY.id);
    expect(timing.sleeps).toEqual([3000]);
  });

  it('recovers from a burst of 5xx on a GET with exponential full-jitter backoff', async () => {
    const statuses = [500, 502, 503, 504];
    const { client, timing, server } = await scriptedClient((_request, response, index) =>
      index < statuses.length
        ? sendJson(response, statuses[index]!, codatErrorBody(statuses[index]!, 'down'))
        : sendJson(response, 200, COMPANY),
    );
    await expect(client.companies.get(COMPANY.id)).resolves.toMatchObject({ id: COMPANY.id });
    expect(server.requests).toHaveLength(5);
    // random() = 0.5 → half of 500, 1000, 2000, 4000 ms.
    expect(timing.sleeps).toEqual([250, 500, 1000, 2000]);
  });

  it('never retries POST create-company, even on 503', async () => {
    const { client, server, retries } = await scriptedClient((_request, response) =>
      sendJson(response, 503, codatErrorBody(503, 'maintenance')),
    );
    const error = await client.companies.create({ name: 'Acme' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodatError);
    expect(error).toMatchObject({ kind: 'http', status: 503, operation: 'companies.create' });
    expect(server.requests).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('never retries POST create-connection or other POSTs on 429', async () => {
    const { client, server } = await scriptedClient((_request, response) =>
      sendJson(response, 429, codatErrorBody(429, 'slow down'), { 'retry-after': '1' }),
    );
    await expect(
      client.connections.create(COMPANY.id, { platformKey: 'gbol' }),
    ).rejects.toMatchObject({ status: 429, retryAfterSeconds: 1 });
    await expect(client.data.refreshAll(COMPANY.id)).rejects.toMatchObject({ status: 429 });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry client errors', async () => {
    const { client, server } = await scriptedClient((_request, response) =>
      sendJson(
        response,
        404,
        codatErrorBody(404, `No company was found with ID ${COMPANY.id}`, 'ClientsApi'),
      ),
    );
    await expect(client.companies.get(COMPANY.id)).rejects.toMatchObject({
      status: 404,
      service: 'ClientsApi',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('retries PUT, PATCH and DELETE', async () => {
    const { client, server } = await scriptedClient((request, response, index) =>
      index % 2 === 0
        ? sendJson(response, 502, codatErrorBody(502, 'bad gateway'))
        : request.method === 'DELETE'
          ? response.writeHead(204).end()
          : sendJson(response, 200, COMPANY),
    );
    await client.companies.replace(COMPANY.id, { name: 'Technicalium' });
    await client.companies.update(COMPANY.id, { description: 'x' });
    await client.companies.delete(COMPANY.id);
    expect(server.requests.map((r) => r.method)).toEqual([
      'PUT',
      'PUT',
      'PATCH',
      'PATCH',
      'DELETE',
      'DELETE',
    ]);
  });

  it('stops within the total budget and raises the last error', async () => {
    const { client, timing, server } = await scriptedClient(
      (_request, response) => sendJson(response, 503, codatErrorBody(503, 'maintenance')),
      {
        retry: { maxAttempts: 100, initialDelayMs: 500, maxDelayMs: 8000, maxTotalMs: 5000 },
        random: () => 0.999,
      },
    );
    await expect(client.companies.get(COMPANY.id)).rejects.toMatchObject({
      status: 503,
      codatError: 'maintenance',
    });
    const slept = timing.sleeps.reduce((sum, ms) => sum + ms, 0);
    expect(slept).toBeLessThanOrEqual(5000);
    expect(server.requests.length).toBe(timing.sleeps.length + 1);
    expect(server.requests.length).toBeGreaterThan(2);
  });

  it('gives up at once when Retry-After is beyond the budget, reporting it', async () => {
    const { client, timing, server } = await scriptedClient((_request, response) =>
      sendJson(response, 429, codatErrorBody(429, 'quota'), { 'retry-after': '3600' }),
    );
    await expect(client.companies.list()).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 3600,
    });
    expect(timing.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('respects maxAttempts', async () => {
    const { client, server } = await scriptedClient(
      (_request, response) => sendJson(response, 500, codatErrorBody(500, 'oops')),
      { retry: { maxAttempts: 3 } },
    );
    await expect(client.companies.get(COMPANY.id)).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(3);
  });

  it('bounds total time in real time too', async () => {
    const { client, server } = await scriptedClient(
      (_request, response) => sendJson(response, 503, codatErrorBody(503, 'down')),
      {
        // Far below 1,000 attempts' time.
        retry: { maxAttempts: 1000, initialDelayMs: 20, maxDelayMs: 50, maxTotalMs: 1000 },
        ...realTiming,
      },
    );
    const started = Date.now();
    const error = await client.companies.get(COMPANY.id).catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(3000);
    // The last attempt answered (503) or cut off by the deadline (on a loaded machine, even the first).
    expect(error).toBeInstanceOf(CodatError);
    expect(server.requests.length).toBeLessThan(1000);
  });
});
