import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdpUser {
  email: string;
  name: string;
  groups: string[];
}

/**
 * A real OpenID provider (oidc-provider) on a random port, with one confidential client and its
 * own minimal interactions: whoever `signInAs` names is signed in and consents to what is asked.
 */
export async function startOidcProvider(options: { redirectUri: string; users: Record<string, IdpUser> }) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'console',
        client_secret: 'console-secret',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-only-cookie-key'] },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = options.users[sub];
      return user && { accountId: sub, claims: async () => ({ sub, email_verified: true, ...user }) };
    },
  });
  let nextUser = '';

  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return provider.callback()(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        return await provider.interactionFinished(req, res, { login: { accountId: nextUser } }, { mergeWithLastSubmission: false });
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });

  return {
    issuer,
    clientId: 'console',
    clientSecret: 'console-secret',
    /** The user the next login interaction signs in. */
    signInAs: (sub: string) => void (nextUser = sub),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A minimal browser: follows redirects by hand, keeping the provider's cookies, until one leaves the provider. */
export async function browseProvider(start: string, providerOrigin: string): Promise<string> {
  const jar = new Map<string, string>();
  let location = start;
  for (let hop = 0; hop < 20; hop += 1) {
    if (!location.startsWith(providerOrigin)) return location;
    const response = await fetch(location, {
      redirect: 'manual',
      headers: { Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const next = response.headers.get('Location');
    if (!next) throw new Error(`the provider stopped at ${location} with ${response.status}: ${await response.text()}`);
    location = new URL(next, location).href;
  }
  throw new Error('too many redirects at the provider');
}
