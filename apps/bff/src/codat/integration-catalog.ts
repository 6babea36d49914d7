import { CodatError, type Branding, type CodatClient, type Connection, type Integration } from '@console/codat-client';

/** Integrations rarely change and Codat advises caching branding; link URLs are never held here. */
export const INTEGRATION_CACHE_MS = 5 * 60_000;
const PAGE_SIZE = 500;

export interface IntegrationCatalog {
  /** Every integration of the Codat client, cached for a few minutes. */
  list(): Promise<Integration[]>;
  get(platformKey: string): Promise<Integration | undefined>;
  /** Undefined when Codat has no branding for the key. */
  branding(platformKey: string): Promise<Branding | undefined>;
  /**
   * Resolves connections' platform keys. `integrationKey` became optional in 2026-04; when a
   * connection lacks it the key is looked up by `integrationId` (the only case that reads the list).
   */
  keyResolver(connections: readonly Connection[]): Promise<(connection: Connection) => string | null>;
}

const catalogs = new WeakMap<CodatClient, IntegrationCatalog>();

/** One catalog per Codat client, so every route (and every test's app) shares its own cache. */
export function integrationCatalog(codat: CodatClient, now: () => number): IntegrationCatalog {
  let catalog = catalogs.get(codat);
  if (!catalog) catalogs.set(codat, (catalog = createCatalog(codat, now)));
  return catalog;
}

/** A promise per key, kept until it expires; concurrent callers share it, a failure is not kept. */
function ttlCache<V>(now: () => number) {
  const entries = new Map<string, { value: Promise<V>; expiresMs: number }>();
  return (key: string, load: () => Promise<V>): Promise<V> => {
    const current = entries.get(key);
    if (current && current.expiresMs > now()) return current.value;
    const entry = { value: load(), expiresMs: now() + INTEGRATION_CACHE_MS };
    entries.set(key, entry);
    entry.value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry.value;
  };
}

function createCatalog(codat: CodatClient, now: () => number): IntegrationCatalog {
  const listCache = ttlCache<Integration[]>(now);
  const brandingCache = ttlCache<Branding | undefined>(now);

  const list = () =>
    listCache('all', async () => {
      const integrations: Integration[] = [];
      for await (const page of codat.integrations.pages({ pageSize: PAGE_SIZE })) integrations.push(...page.results);
      return integrations;
    });

  return {
    list,
    get: async (platformKey) => (await list()).find((integration) => integration.key === platformKey),
    branding: (platformKey) =>
      brandingCache(platformKey, async () => {
        try {
          return await codat.integrations.branding(platformKey);
        } catch (error) {
          if (error instanceof CodatError && error.status === 404) return undefined;
          throw error;
        }
      }),
    keyResolver: async (connections) => {
      if (connections.every((connection) => connection.integrationKey)) {
        return (connection) => connection.integrationKey ?? null;
      }
      const byIntegrationId = new Map((await list()).map((integration) => [integration.integrationId, integration.key]));
      return (connection) => connection.integrationKey ?? byIntegrationId.get(connection.integrationId) ?? null;
    },
  };
}
