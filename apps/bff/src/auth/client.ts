import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

export interface RequestClient {
  ip?: string;
  userAgent?: string;
}

/**
 * Who is calling: the socket's address, or with `trustProxyHops` reverse proxies in front, the
 * address that many entries from the right of X-Forwarded-For (entries further left are the
 * client's own claims and can be forged).
 */
export function requestClient(c: Context, trustProxyHops: number): RequestClient {
  const userAgent = c.req.header('User-Agent')?.slice(0, 500);
  if (trustProxyHops > 0) {
    const forwarded = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const ip = forwarded[Math.max(0, forwarded.length - trustProxyHops)];
    if (ip) return { ip, userAgent };
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return { ip: incoming?.socket.remoteAddress, userAgent };
}
