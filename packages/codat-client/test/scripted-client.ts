import { expect, onTestFinished } from 'vitest';
import { createCodatClient, type CodatClientOptions } from '../src/client.js';
import { CodatError } from '../src/errors.js';
import { fakeTiming } from './fake-timing.js';
import { startScriptedServer, type Script } from './scripted-server.js';

/**
 * A client wired to a scripted server, with fake backoff timing and the retries it reports
 * recorded as `operation#attempt:reason`. Both are closed when the test finishes.
 */
export async function scriptedClient(
  script: Script,
  options: Partial<CodatClientOptions> = {},
  basePath = '',
) {
  const server = await startScriptedServer(script);
  const timing = fakeTiming();
  const retries: string[] = [];
  const client = createCodatClient({
    baseUrl: server.url + basePath,
    apiKey: 'test-key',
    ...timing,
    observer: {
      onRetry: (operation, attempt, reason) => retries.push(`${operation}#${attempt}:${reason}`),
    },
    ...options,
  });
  onTestFinished(async () => {
    await client.close();
    await server.close();
  });
  return { client, server, timing, retries };
}

/** The CodatError a call rejects with (fails the test if it resolves or throws anything else). */
export async function codatFailure(promise: Promise<unknown>): Promise<CodatError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CodatError);
  return error as CodatError;
}
