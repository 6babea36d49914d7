import { createApp } from '../src/app.js';
import { WELL_KNOWN_API_KEY, type EmulatorConfig } from '../src/config.js';
import { Emulator } from '../src/emulator.js';

export const AUTH = { Authorization: `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}` };

/** An emulator and an authorised `request` helper, via `app.request()` (no port). */
export function testEmulator(config: Partial<EmulatorConfig> = {}) {
  const emu = new Emulator(config);
  const app = createApp(emu);
  const request = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    app.request(`http://emulator.test${path}`, {
      method: init.method ?? 'GET',
      headers: { ...AUTH, ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
  const json = async <T = any>(path: string, init?: Parameters<typeof request>[1]) => {
    const response = await request(path, init);
    return { status: response.status, headers: response.headers, body: (response.status === 204 ? undefined : await response.json()) as T };
  };
  return { emu, app, request, json };
}
