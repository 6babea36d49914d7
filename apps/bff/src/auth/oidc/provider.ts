import * as client from 'openid-client';
import type { OidcSettings } from '../settings.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The OpenID provider's configuration, discovered on first use rather than at start-up (the
 * console starts while the provider is down) and discovered again after a failure.
 */
export function oidcProvider(settings: OidcSettings): () => Promise<client.Configuration> {
  let discovered: Promise<client.Configuration> | undefined;
  const issuer = new URL(settings.issuer);
  // Plain http only for a provider on this machine (development and tests).
  const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  return () => {
    discovered ??= client
      .discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        // Without a secret the console is a public client: PKCE alone protects the code.
        settings.clientSecret ? undefined : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
}
