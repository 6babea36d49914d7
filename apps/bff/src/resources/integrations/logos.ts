import type { IntegrationCatalog } from '../../codat/integration-catalog.js';

export interface LogoImage {
  body: Uint8Array;
  contentType: string;
  /** False when this is the bundled fallback, kept for a shorter time. */
  fromCodat: boolean;
}

const LOGO_CACHE_MS = 24 * 60 * 60_000;
const FALLBACK_CACHE_MS = 5 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_LOGO_BYTES = 256 * 1024;

/** Shown when Codat has no logo for a platform or its image host cannot be reached (offline, strict proxy). */
const FALLBACK: LogoImage = {
  body: new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#5f6b7a"/>' +
      '<path d="M20 28h24v4H20zm0 10h16v4H20zm0-20h24v4H20z" fill="#fff"/></svg>',
  ),
  contentType: 'image/svg+xml',
  fromCodat: false,
};

/** The image a Codat payload points at: public (no key is sent), an image, and small. */
async function download(url: string): Promise<LogoImage | undefined> {
  if (!/^https?:\/\//.test(url)) return undefined;
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!response.ok || !contentType.startsWith('image/')) return undefined;
  const body = new Uint8Array(await response.arrayBuffer());
  return body.byteLength <= MAX_LOGO_BYTES ? { body, contentType, fromCodat: true } : undefined;
}

/**
 * Platform logos for the browser, which talks only to the console: the square logo from Codat's
 * integration branding (else the integration's logoUrl), downloaded once and kept a day; the
 * bundled fallback when there is none or it cannot be fetched, kept a few minutes.
 */
export function logoStore(catalog: IntegrationCatalog, now: () => number) {
  const cache = new Map<string, { logo: Promise<LogoImage>; expiresMs: number }>();

  const load = async (platformKey: string): Promise<LogoImage> => {
    try {
      const branding = await catalog.branding(platformKey);
      const url = branding?.logo?.square?.image?.src ?? (await catalog.get(platformKey))?.logoUrl;
      return (url && (await download(url))) || FALLBACK;
    } catch {
      return FALLBACK;
    }
  };

  return async (platformKey: string): Promise<LogoImage> => {
    const cached = cache.get(platformKey);
    if (cached && cached.expiresMs > now()) return cached.logo;
    const entry = { logo: load(platformKey), expiresMs: Number.POSITIVE_INFINITY };
    cache.set(platformKey, entry);
    const logo = await entry.logo;
    entry.expiresMs = now() + (logo.fromCodat ? LOGO_CACHE_MS : FALLBACK_CACHE_MS);
    return logo;
  };
}
