import { describe, expect, it } from 'vitest';
import { codatFailure, scriptedClient } from '../../test/scripted-client.js';
import { COMPANY, codatErrorBody, sendJson, type Script } from '../../test/scripted-server.js';

const neverAnswer: Script = () => undefined;

describe('timeouts and network failures', () => {
  it('turns a silent server into a timeout error', async () => {
    const { client, server } = await scriptedClient(neverAnswer, { timeoutMs: 100 });
    const error = await codatFailure(client.companies.create({ name: 'Acme' }));
    expect(error).toMatchObject({
      kind: 'timeout',
      status: 0,
      code: 'TIMEOUT',
      operation: 'companies.create',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('times out a body that stalls after the headers', async () => {
    const { client } = await scriptedClient(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"id":');
      },
      { timeoutMs: 100, retry: { maxAttempts: 1 } },
    );
    expect(await codatFailure(client.companies.get(COMPANY.id))).toMatchObject({ kind: 'timeout' });
  });

  it('retries timed-out GETs, then raises the timeout within the total budget', async () => {
    const { client, server } = await scriptedClient(neverAnswer, {
      timeoutMs: 80,
      retry: { maxTotalMs: 250, initialDelayMs: 10, maxDelayMs: 10 },
      now: Date.now,
      sleep: undefined,
    });
    const started = Date.now();
    expect(await codatFailure(client.companies.get(COMPANY.id))).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(600);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a refused connection as a network error', async () => {
    const { client, server } = await scriptedClient(neverAnswer, { retry: { maxAttempts: 2 } });
    await server.close();
    const error = await codatFailure(client.companies.get(COMPANY.id));
    expect(error).toMatchObject({ kind: 'network', status: 0, code: 'ECONNREFUSED' });
  });
});

describe('error bodies', () => {
  it("carries Codat's ErrorMessage fields", async () => {
    const { client } = await scriptedClient((_request, response) =>
      sendJson(response, 402, {
        ...codatErrorBody(402, 'CompanyValidationException: Company limit exceeded', 'ClientsApi'),
        validation: {
          errors: [
            {
              itemId: 'Company',
              message: 'Company limit exceeded',
              validatorName: 'CreateCompany',
            },
          ],
          warnings: null,
        },
      }),
    );
    const error = await codatFailure(client.companies.create({ name: 'Acme' }));
    expect(error).toMatchObject({
      kind: 'http',
      status: 402,
      codatError: 'CompanyValidationException: Company limit exceeded',
      service: 'ClientsApi',
      correlationId: '0a40c2f31fc8f992fb88b0853e4166f3',
      validation: { errors: [{ itemId: 'Company', validatorName: 'CreateCompany' }], warnings: [] },
    });
    expect(error.message).toBe(
      'companies.create: Codat answered HTTP 402 — CompanyValidationException: Company limit exceeded',
    );
  });

  it('tolerates a non-JSON error body', async () => {
    const { client } = await scriptedClient((_request, response) => {
      response.writeHead(401, { 'content-type': 'text/html' });
      response.end('<html>Unauthorized</html>');
    });
    const error = await codatFailure(client.companies.get(COMPANY.id));
    expect(error).toMatchObject({ kind: 'http', status: 401, codatError: undefined });
    expect(error.message).toContain('<html>Unauthorized</html>');
  });

  it('rejects a success body that is not JSON, without retrying', async () => {
    const { client, server } = await scriptedClient((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('hello');
    });
    const error = await codatFailure(client.companies.get(COMPANY.id));
    expect(error).toMatchObject({
      kind: 'invalid-response',
      status: 200,
      operation: 'companies.get',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a body outside even the tolerant schema, naming the field', async () => {
    const { client } = await scriptedClient((_request, response) =>
      sendJson(response, 200, {
        results: [COMPANY, { name: 'no id' }],
        pageNumber: 1,
        pageSize: 100,
        totalResults: 2,
      }),
    );
    const error = await codatFailure(client.companies.list());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/results\.1\.id/);
  });
});
