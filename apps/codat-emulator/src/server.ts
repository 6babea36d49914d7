import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { EmulatorConfig } from './config.js';
import { Emulator } from './emulator.js';
import { startWebhookDispatcher } from './webhooks/dispatcher.js';

export interface RunningEmulator {
  emu: Emulator;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/** Starts an emulator on a real port (0 = any free port). Used by the CLI, the BFF and tests. */
export async function startEmulator(
  options: { port?: number; host?: string; config?: Partial<EmulatorConfig>; setup?: (emu: Emulator) => void } = {},
): Promise<RunningEmulator> {
  const emu = new Emulator(options.config);
  options.setup?.(emu);
  const app = createApp(emu);
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject); // e.g. EADDRINUSE: the caller reports it instead of crashing
  });
  const { port } = server.address() as AddressInfo;
  const ticker = setInterval(() => emu.tick(), 250);
  ticker.unref();
  const stopWebhooks = startWebhookDispatcher(emu);
  return {
    emu,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(ticker);
        stopWebhooks();
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
