import {
  startEmulator,
  WELL_KNOWN_API_KEY,
  type EmulatorConfig,
  type RunningEmulator,
} from '../../src/index.js';

const AUTHORIZATION = `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}`;

export interface ApiResult<T> {
  status: number;
  body: T;
}

export interface FlowEmulator extends RunningEmulator {
  /** Calls Codat's API on the running emulator, as a client with the API key would. */
  api<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<ApiResult<T>>;
  /** Opens a page as the SMB's browser would: no API key. */
  open(url: string): Promise<{ status: number; html: string; url: string }>;
}

/** A real emulator on a free port, driven over HTTP like the seed documents describe. */
export async function startFlowEmulator(
  config: Partial<EmulatorConfig> = {},
): Promise<FlowEmulator> {
  const running = await startEmulator({ port: 0, config });
  return {
    ...running,
    async api(path, init = {}) {
      const response = await fetch(`${running.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          Authorization: AUTHORIZATION,
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: (text === '' ? undefined : JSON.parse(text)) as never,
      };
    },
    async open(url) {
      const response = await fetch(url);
      return { status: response.status, html: await response.text(), url: response.url };
    },
  };
}

/** Polls `read` every `intervalMs` until `done` holds, failing after `timeoutMs`. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { intervalMs = 20, timeoutMs = 5_000 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
