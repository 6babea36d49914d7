import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthSettings } from './settings.js';

export const SESSION_COOKIE = 'console_session';
export const SSO_FLOW_COOKIE = 'console_sso_flow';
export const SSO_FLOW_PATH = '/api/auth/sso';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Secure when PUBLIC_URL is https; without PUBLIC_URL, everywhere but plain-http localhost. */
function isSecure(c: Context, settings: AuthSettings): boolean {
  if (settings.publicUrl) return new URL(settings.publicUrl).protocol === 'https:';
  const url = new URL(c.req.url);
  return url.protocol === 'https:' || !LOOPBACK.has(url.hostname);
}

const attributes = (c: Context, settings: AuthSettings, path: string, maxAgeMs: number) =>
  ({ httpOnly: true, sameSite: 'Lax', secure: isSecure(c, settings), path, maxAge: Math.floor(maxAgeMs / 1000) }) as const;

export const readSessionCookie = (c: Context) => getCookie(c, SESSION_COOKIE);

export function setSessionCookie(c: Context, settings: AuthSettings, token: string): void {
  setCookie(c, SESSION_COOKIE, token, attributes(c, settings, '/', settings.sessionAbsoluteMs));
}

export function clearSessionCookie(c: Context, settings: AuthSettings): void {
  deleteCookie(c, SESSION_COOKIE, attributes(c, settings, '/', 0));
}

export const readSsoFlowCookie = (c: Context) => getCookie(c, SSO_FLOW_COOKIE);

export function setSsoFlowCookie(c: Context, settings: AuthSettings, value: string, maxAgeMs: number): void {
  setCookie(c, SSO_FLOW_COOKIE, value, attributes(c, settings, SSO_FLOW_PATH, maxAgeMs));
}

export function clearSsoFlowCookie(c: Context, settings: AuthSettings): void {
  deleteCookie(c, SSO_FLOW_COOKIE, attributes(c, settings, SSO_FLOW_PATH, 0));
}
