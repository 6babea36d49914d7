import type { MiddlewareHandler } from 'hono';

/**
 * The browser may load and connect to the console's own origin only: no CDN, no Codat image host
 * (logos come through /api/integrations/:key/logo), no inline or injected script.
 * style-src needs 'unsafe-inline': MUI's emotion injects <style> elements at run time and MUI and
 * react-admin set style attributes, which no nonce can cover. data: is allowed for images and
 * fonts Vite inlines into the bundle (still nothing from another origin).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets the policy on every response that has not chosen a stricter one of its own (the API docs page). */
export function contentSecurityPolicy(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  };
}
