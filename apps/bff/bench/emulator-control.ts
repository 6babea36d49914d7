import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';

/** A call to the emulator's control API (`/_emulator`, with the Codat API's key): its JSON answer; throws when refused. */
export async function emulatorControl<T = unknown>(emulatorUrl: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: object): Promise<T> {
  const response = await fetch(`${emulatorUrl}/_emulator${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}`, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_emulator${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
