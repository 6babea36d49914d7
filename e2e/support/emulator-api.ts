import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';

/** Calls the emulator's Codat API (and control API) the way the BFF would, with the well-known key. */
export function emulatorApi(baseURL: string) {
  const headers = {
    Authorization: `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}`,
    'Content-Type': 'application/json',
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseURL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
  };
}
