import {
  startEmulator,
  WELL_KNOWN_API_KEY,
  type EmulatorConfig,
  type RunningEmulator,
} from '@console/codat-emulator';
import { createCodatClient, type CodatClient, type CodatClientOptions } from '../src/client.js';
import { fakeTiming } from './fake-timing.js';

export interface EmulatorHarness {
  running: RunningEmulator;
  client: CodatClient;
  timing: ReturnType<typeof fakeTiming>;
  close(): Promise<void>;
}

/** A real emulator on a free port and a client talking to it over HTTP; backoff sleeps are faked. */
export async function startEmulatorHarness(
  config: Partial<EmulatorConfig> = {},
  options: Partial<CodatClientOptions> = {},
): Promise<EmulatorHarness> {
  const running = await startEmulator({ port: 0, config });
  const timing = fakeTiming();
  const client = createCodatClient({
    baseUrl: running.url,
    apiKey: WELL_KNOWN_API_KEY,
    ...timing,
    ...options,
  });
  return {
    running,
    client,
    timing,
    close: async () => {
      await client.close();
      await running.close();
    },
  };
}

/** A company with a connection to `platformKey`, linked through the authorization endpoint. */
export async function linkedConnection(
  client: CodatClient,
  platformKey: string,
  companyName = 'Acme Ltd',
) {
  const company = await client.companies.create({ name: companyName });
  const created = await client.connections.create(company.id, { platformKey });
  const connection = await client.connections.updateAuthorization(company.id, created.id, {
    accessToken: 'token',
  });
  return { company, connection };
}
