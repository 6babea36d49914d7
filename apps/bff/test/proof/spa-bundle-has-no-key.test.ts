import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '../stack.js';
import { distinctiveKey, expectNoLeaks, exposedText, keyForms } from './secrets.js';
import { ADMIN_DIR, buildSpa, filesUnder, fromRepo, workspaceDependencies } from './spa-files.js';

const KEY = distinctiveKey();
/** Text that only a bundle holding the key's variable or the Codat client would contain. */
const FORBIDDEN = [
  'CODAT_API_KEY',
  '@console/codat-client',
  'packages/codat-client',
  'createCodatClient', // the client's factory (its error message survives minification)
  'Basic\\s+(\\S+)', // the client's Authorization-header parsing, as a regex literal
];

/**
 * The SPA never holds the Codat key: built for real (`vite build` with the admin app's config)
 * while the key sits in the environment, as it does on a developer's machine, then served by a
 * BFF that holds the same key. Slow-ish (one production build), so in a file of its own.
 */
describe('the SPA bundle never contains the Codat key or the Codat client', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'console-spa-proof-'));
  const files = () => filesUnder(outDir);
  const contents = () => files().map((file) => `${file}\n${readFileSync(join(outDir, file), 'utf8')}`);
  beforeAll(() => buildSpa(outDir, { CODAT_API_KEY: KEY, VITE_CODAT_API_KEY: KEY }), 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('really built the app, with source maps that name its sources', () => {
    expect(files()).toContain('index.html');
    const maps = files().filter((file) => file.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(0);
    const sources = maps.flatMap((map) => (JSON.parse(readFileSync(join(outDir, map), 'utf8')) as { sources: string[] }).sources);
    expect(sources.some((source) => source.includes('src/App') || source.includes('src/main'))).toBe(true);
    expect(sources.filter((source) => source.includes('codat-client'))).toEqual([]);
  });

  it('no built file (JS, CSS, HTML, source maps with their sources) holds the key, its variable or the client', () => {
    expectNoLeaks('the built SPA', contents(), [...keyForms(KEY), ...FORBIDDEN]);
  });

  it('nothing a browser downloads from a BFF holding the key contains it', async () => {
    const stack = await startStack({ scenario: 'empty', emulator: { apiKey: KEY }, client: { apiKey: KEY }, settings: { spaDir: outDir } });
    try {
      const paths = ['/', '/companies/some-deep-link', ...files().filter((file) => file !== 'index.html').map((file) => `/${file}`)];
      const exposed = [];
      for (const path of paths) {
        const response = await stack.request(path);
        expect(response.status, path).toBe(200);
        exposed.push(await exposedText(`GET ${path}`, response));
      }
      expect((await stack.json('/api/companies')).status).toBe(200); // the BFF really holds a working key
      expectNoLeaks('what the BFF serves to browsers', exposed, [...keyForms(KEY), ...FORBIDDEN]);
    } finally {
      await stack.close();
    }
  }, 30_000);

  it('the SPA source and the workspace packages it uses never import the Codat client or read the key variable', () => {
    const dirs = [ADMIN_DIR, ...workspaceDependencies(ADMIN_DIR)];
    expect(dirs.map(fromRepo)).not.toContain('packages/codat-client');
    const sources = dirs.flatMap((dir) =>
      filesUnder(dir, (name) => ['node_modules', 'dist', 'test-results'].includes(name))
        .filter((file) => /\.(ts|tsx|js|mjs|html|json)$/.test(file))
        .map((file) => `${fromRepo(join(dir, file))}\n${readFileSync(join(dir, file), 'utf8')}`),
    );
    expect(sources.length).toBeGreaterThan(10);
    expectNoLeaks('the SPA source or a package it depends on', sources, ['CODAT_API_KEY', '@console/codat-client']);
  });

  it.runIf(existsSync(join(ADMIN_DIR, 'dist/index.html')))('the dist the BFF serves by default has no key variable or client either', () => {
    const dist = join(ADMIN_DIR, 'dist');
    expectNoLeaks('apps/admin/dist', filesUnder(dist).map((file) => readFileSync(join(dist, file), 'utf8')), FORBIDDEN);
  });
});
