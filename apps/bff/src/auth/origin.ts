import type { Context } from 'hono';
import type { AuthSettings } from './settings.js';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request must come from the console's own pages: its Origin is PUBLIC_URL's
 * or the host it was sent to. Without Origin (non-browser clients, old browsers) Fetch Metadata
 * must not say another site sent it; the CSRF token is required on top wherever there is a session.
 */
export function originAllowed(c: Context, settings: AuthSettings): boolean {
  const origin = c.req.header('Origin');
  if (origin === undefined) {
    const site = c.req.header('Sec-Fetch-Site');
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  if (settings.publicUrl && origin === new URL(settings.publicUrl).origin) return true;
  try {
    return new URL(origin).host === (c.req.header('Host') ?? new URL(c.req.url).host);
  } catch {
    return false; // `null` and other opaque origins
  }
}
