import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { codatFailure, scriptedClient } from '../../test/scripted-client.js';
import { COMPANY, codatErrorBody, sendJson } from '../../test/scripted-server.js';

describe('the API key never leaks', () => {
  const apiKey = 'sk_live_Sup3r-Secret/Key+42';
  const base64 = Buffer.from(apiKey).toString('base64');

  function assertNoKey(value: unknown) {
    const renderings = [
      JSON.stringify(value),
      inspect(value, { showHidden: true, depth: Infinity }),
      value instanceof Error ? `${value.stack}` : '',
    ];
    for (const text of renderings) {
      expect(text).not.toContain(apiKey);
      expect(text).not.toContain(base64);
      expect(text).not.toContain(encodeURIComponent(apiKey));
    }
  }

  it.each([
    ['the raw key', apiKey],
    ['the ready-made header value', `Basic ${base64}`],
  ])(
    'is redacted from errors when the server echoes it back, given %s',
    async (_form, configured) => {
      const { client } = await scriptedClient(
        (request, response) => {
          const header = request.headers.authorization ?? '';
          const echoed = `${header} ${Buffer.from(header.slice(6), 'base64').toString()}`;
          sendJson(response, 401, {
            ...codatErrorBody(401, `Unauthorized: ${echoed}`),
            service: echoed,
            correlationId: echoed,
            validation: { errors: [{ itemId: echoed, message: echoed, validatorName: echoed }] },
          });
        },
        { apiKey: configured },
      );
      const error = await codatFailure(client.companies.get(COMPANY.id));
      expect(error.codatError).toContain('[redacted]');
      assertNoKey(error);
    },
  );

  it('is absent from network, timeout and invalid-response errors and from the client', async () => {
    const { client, server } = await scriptedClient(
      (request, response, index) =>
        index === 0 ? response.end(`not json ${request.headers.authorization}`) : undefined,
      { apiKey, timeoutMs: 50, retry: { maxAttempts: 1 } },
    );
    assertNoKey(await codatFailure(client.companies.get(COMPANY.id)));
    assertNoKey(await codatFailure(client.companies.get(COMPANY.id)));
    await server.close();
    assertNoKey(await codatFailure(client.companies.get(COMPANY.id)));
    assertNoKey(client);
  });
});
