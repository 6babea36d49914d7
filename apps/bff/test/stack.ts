import { createCodatClient, type CodatClientOptions } from '@console/codat-client';
import { seedScenario, startEmulator, WELL_KNOWN_API_KEY, type EmulatorConfig } from '@console/codat-emulator';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { codatObserver } from '../src/codat.js';
import type { BffSettings } from '../src/deps.js';
import { createLogger } from '../src/observability/logger.js';
import { Metrics } from '../src/observability/metrics.js';
import { MERCHANT_ID_TAG } from '../src/settings.js';

export interface StackOptions {
  /** Emulator seed; `demo` (with the well-known DEMO_FIXTURES) unless told otherwise. */
  scenario?: 'demo' | 'fleet' | 'empty';
  companies?: number;
  emulator?: Partial<EmulatorConfig>;
  client?: Partial<CodatClientOptions>;
  settings?: Partial<BffSettings>;
}

/**
 * The real BFF app against a real emulator over HTTP (no mocked Codat). Requests to the BFF go
 * through `app.request()`; `emu` gives tests the emulator's state and realism controls.
 */
export async function startStack(options: StackOptions = {}) {
  const emulator = await startEmulator({
    config: { syncStepMs: 20, ...options.emulator },
    setup: (emu) => seedScenario(emu, { scenario: options.scenario ?? 'demo', companies: options.companies ?? 40, seed: 1 }),
  });
  const metrics = new Metrics();
  const logLines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
  const codat = createCodatClient({
    baseUrl: emulator.url,
    apiKey: WELL_KNOWN_API_KEY,
    timeoutMs: 2000,
    retry: { initialDelayMs: 10, maxDelayMs: 100, maxTotalMs: 3000 },
    observer: codatObserver(metrics),
    ...options.client,
  });
  const app: Hono = createApp({
    codat,
    logger,
    metrics,
    settings: { merchantIdTag: MERCHANT_ID_TAG, maxBodyBytes: 64 * 1024, inviteUrl: 'https://link.codat.io/client/test-client', ...options.settings },
    now: () => emulator.emu.clock.now(),
    readinessChecks: { codat: async () => void (await codat.integrations.list({ pageSize: 1 })) },
  });

  const request = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    app.request(`http://console.test${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
  const json = async <T = any>(path: string, init?: Parameters<typeof request>[1]) => {
    const response = await request(path, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };

  return {
    app,
    emu: emulator.emu,
    emulatorUrl: emulator.url,
    metrics,
    logLines,
    request,
    json,
    close: async () => {
      await codat.close();
      await emulator.close();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
