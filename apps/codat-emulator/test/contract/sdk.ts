import { CodatPlatform } from '@codat/platform';
import { ErrorMessage } from '@codat/platform/sdk/models/errors/index.js';
import { expect } from 'vitest';
import {
  startEmulator,
  WELL_KNOWN_API_KEY,
  type EmulatorConfig,
  type RunningEmulator,
} from '../../src/index.js';

export interface SdkEmulator extends RunningEmulator {
  /** Codat's official Platform SDK pointed at the emulator; no retries, so faults surface. */
  sdk: CodatPlatform;
  /** The same SDK with a wrong API key. */
  unauthorisedSdk: CodatPlatform;
}

function platformSdk(serverURL: string, apiKey: string): CodatPlatform {
  return new CodatPlatform({
    serverURL,
    authHeader: `Basic ${Buffer.from(apiKey).toString('base64')}`,
    retryConfig: { strategy: 'none' },
  });
}

/** A real emulator on a free port plus the SDK. The SDK validates every response it parses. */
export async function startSdkEmulator(config: Partial<EmulatorConfig> = {}): Promise<SdkEmulator> {
  const running = await startEmulator({ port: 0, config });
  return {
    ...running,
    sdk: platformSdk(running.url, WELL_KNOWN_API_KEY),
    unauthorisedSdk: platformSdk(running.url, 'not-the-key'),
  };
}

/**
 * The SDK must surface Codat errors as its typed `ErrorMessage` (which proves the emulator
 * sends a JSON `ErrorMessage` body with a JSON content type), with `statusCode` equal to the
 * HTTP status.
 */
export async function expectSdkErrorMessage(
  call: Promise<unknown>,
  status: number,
): Promise<ErrorMessage> {
  const error = await call.then(
    (value) => {
      throw new Error(
        `expected an ErrorMessage ${status}, got a result: ${JSON.stringify(value).slice(0, 300)}`,
      );
    },
    (reason: unknown) => reason,
  );
  if (!(error instanceof ErrorMessage)) {
    throw new Error(`expected the SDK's ErrorMessage ${status}, got ${String(error)}`, {
      cause: error,
    });
  }
  expect(error.statusCode).toBe(status);
  expect(error.data$.statusCode).toBe(status);
  expect(error.data$.error).toEqual(expect.any(String));
  return error;
}
