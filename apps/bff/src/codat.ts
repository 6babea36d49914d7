import { createCodatClient, type CodatClient, type CodatClientObserver } from '@console/codat-client';
import { inviteUrl, seedScenario, startEmulator, WELL_KNOWN_API_KEY, type RunningEmulator } from '@console/codat-emulator';
import type { Env } from './env.js';
import { noteCodatCall } from './observability/codat-trace.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';

/** Feeds the Codat client's hooks into the BFF's Prometheus metrics. */
export function codatObserver(metrics: Metrics): CodatClientObserver {
  return {
    onRequest: (operation, status, durationMs) => {
      noteCodatCall(durationMs);
      metrics.codatCalls.inc({ operation, status: String(status) });
      metrics.codatDuration.observe(durationMs / 1000, { operation });
    },
    onRetry: (operation, _attempt, reason) => metrics.codatRetries.inc({ operation, reason }),
    onRateLimit: ({ remaining, limit }) => {
      if (remaining !== undefined) metrics.codatRateLimitRemaining.set(remaining);
      if (limit !== undefined) metrics.codatRateLimitLimit.set(limit);
    },
  };
}

export interface CodatConnection {
  client: CodatClient;
  /** Where Codat is: the real API or the embedded emulator. */
  baseUrl: string;
  /** Set when no key was configured and the BFF started its own emulator. */
  emulator?: RunningEmulator;
  /** The embedded emulator's invite page: the default of CODAT_INVITE_URL there. */
  inviteUrl?: string;
}

/** A real Codat when `CODAT_API_KEY` is set; otherwise the embedded, seeded emulator. */
export async function connectCodat(env: Env, logger: Logger, metrics: Metrics): Promise<CodatConnection> {
  const observer = codatObserver(metrics);
  if (env.CODAT_API_KEY) {
    const client = createCodatClient({ baseUrl: env.CODAT_BASE_URL, apiKey: env.CODAT_API_KEY, timeoutMs: env.CODAT_TIMEOUT_MS, observer });
    logger.info({ codatBaseUrl: env.CODAT_BASE_URL }, 'using Codat');
    return { client, baseUrl: env.CODAT_BASE_URL };
  }
  const emulator = await startEmulator({
    port: env.EMULATOR_PORT,
    setup: (emu) => seedScenario(emu, { scenario: 'demo', companies: env.EMULATOR_COMPANIES, seed: env.EMULATOR_SEED }),
  });
  logger.info({ codatBaseUrl: emulator.url, companies: emulator.emu.store.companies.size }, 'no CODAT_API_KEY: using the embedded Codat emulator');
  const client = createCodatClient({ baseUrl: emulator.url, apiKey: WELL_KNOWN_API_KEY, timeoutMs: env.CODAT_TIMEOUT_MS, observer });
  return { client, baseUrl: emulator.url, emulator, inviteUrl: inviteUrl(emulator.url, emulator.emu.config.clientId) };
}
