// Runs drizzle-kit with `drizzle-orm` resolved from this workspace: npm keeps drizzle-orm in
// apps/bff/node_modules while drizzle-kit sits at the root, where it cannot find it on its own.
// NODE_PATH covers drizzle-kit's require()s; the resolve hook its import()s.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bffDir = fileURLToPath(new URL('..', import.meta.url));
const hook = `data:text/javascript,${encodeURIComponent(`
  import { register } from 'node:module';
  register('data:text/javascript,' + encodeURIComponent(\`
    export async function resolve(specifier, context, next) {
      const ours = specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/');
      return next(specifier, ours ? { ...context, parentURL: ${JSON.stringify(new URL('../package.json', import.meta.url).href)} } : context);
    }\`));`)}`;
const bin = join(dirname(createRequire(import.meta.url).resolve('drizzle-kit')), 'bin.cjs');
const result = spawnSync(process.execPath, ['--import', hook, bin, ...process.argv.slice(2)], {
  cwd: bffDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_PATH: join(bffDir, 'node_modules') },
});
process.exit(result.status ?? 1);
