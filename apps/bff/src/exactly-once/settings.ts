import type { ResolverSettings } from './resolve.js';

/**
 * Codat may still apply a request it received up to the client's timeout after it was sent (and a
 * retried PUT or DELETE for the client's whole retry budget, 20 s): a minute past both is safe.
 */
export function resolverSettings(codatTimeoutMs: number): ResolverSettings {
  return { settleMs: 2 * codatTimeoutMs + 60_000, sweepIntervalMs: 30_000 };
}

export const RESOLVER_DEFAULTS: ResolverSettings = resolverSettings(15_000);
