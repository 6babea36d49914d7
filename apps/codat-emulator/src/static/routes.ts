import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { PLATFORMS } from '../domain/platforms.js';
import { errors } from '../http/errors.js';
import { encodePng } from './png.js';

const SIZE = 64;

/** A square in a colour of its own per platform, with a lighter inner square: recognisably different logos. */
function logoFor(seed: string): Buffer {
  const [r, g, b] = createHash('sha256').update(seed).digest();
  const base: [number, number, number] = [r! % 160, g! % 160, b! % 160];
  const light: [number, number, number] = [base[0] + 90, base[1] + 90, base[2] + 90];
  const inner = (n: number) => n >= SIZE / 4 && n < (SIZE * 3) / 4;
  return encodePng(SIZE, SIZE, (x, y) => (inner(x) && inner(y) ? light : base));
}

/** Every image name Codat's integration payloads point at, `{key}.png` and `{SOURCEID}.png`, to its platform key. */
const PLATFORM_OF_FILE = new Map(
  PLATFORMS.flatMap((platform) => [
    [`${platform.key}.png`, platform.key],
    [`${platform.sourceId.toUpperCase()}.png`, platform.key],
  ]),
);
const cache = new Map<string, Buffer>();

/**
 * `/public/...` stands in for static.codat.io, where integration logos and branding images live,
 * so the emulator works offline. Public, like Codat's CDN: no key.
 */
export function staticAssets(): Hono {
  const app = new Hono();
  const serve = (c: Context) => {
    const key = PLATFORM_OF_FILE.get(c.req.param('file') ?? '');
    if (!key) throw errors.notFound();
    let image = cache.get(key);
    if (!image) cache.set(key, (image = logoFor(key)));
    return c.body(new Uint8Array(image), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' });
  };
  app.get('/public/platforms/:file', serve);
  app.get('/public/officialLogos/:variant{Full|Square}/:file', serve);
  app.get('/public/officialButtons/:variant{Full|Hover}/:file', serve);
  return app;
}
