import type { MiddlewareHandler } from 'hono';
import { errors } from './errors.js';

/** `Authorization: Basic <base64(apiKey)>`; anything else is Codat's 401. */
export function basicAuth(getApiKey: () => string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw errors.unauthorized();
    const key = Buffer.from(match[1], 'base64').toString('utf8');
    if (key !== getApiKey()) throw errors.unauthorized();
    await next();
  };
}
