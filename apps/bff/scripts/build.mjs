// Bundles the BFF into dist/main.js for `npm start`: the workspace's TypeScript (this app and the
// @console/* packages) compiled into one ES module, every npm package left to Node to load from
// node_modules (PGlite finds its WebAssembly and data files beside its own code). The embedded
// database's worker thread is an entry point of its own, dist/pglite-worker.js.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const workspacePackage = (path) => path.startsWith('@console/');
const started = performance.now();
await build({
  entryPoints: {
    main: new URL('../src/main.ts', import.meta.url).pathname,
    'pglite-worker': new URL('../src/db/pglite-worker.ts', import.meta.url).pathname,
  },
  outdir: new URL('../dist', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${process.versions.node.split('.')[0]}`,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'npm-packages-external',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^[^./]/ }, ({ path }) => (workspacePackage(path) ? undefined : { path, external: true }));
      },
    },
  ],
});
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
console.log(`@console/bff ${version}: dist/main.js and dist/pglite-worker.js bundled in ${Math.round(performance.now() - started)} ms`);
