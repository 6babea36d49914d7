import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const ADMIN_DIR = join(REPO_ROOT, 'apps/admin');

/** Every file under `dir` (recursively), as paths relative to it. */
export function filesUnder(dir: string, skip: (name: string) => boolean = () => false): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (skip(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, skip).map((inner) => join(name, inner)) : [name];
  });
}

/** Builds the real SPA bundle with the admin app's own Vite config, into `outDir`, with `env` added. */
export async function buildSpa(outDir: string, env: Record<string, string>): Promise<void> {
  const vitePackage = createRequire(join(ADMIN_DIR, 'package.json')).resolve('vite/package.json');
  const viteBin = join(vitePackage, '..', (JSON.parse(readFileSync(vitePackage, 'utf8')) as { bin: { vite: string } }).bin.vite);
  await promisify(execFile)(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ADMIN_DIR,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** The workspace packages (`@console/*`) a package depends on, directly or through each other, by directory. */
export function workspaceDependencies(packageDir: string, seen = new Set<string>()): string[] {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies })) {
    if (!name.startsWith('@console/')) continue;
    const dir = ['packages', 'apps'].map((root) => join(REPO_ROOT, root, name.slice('@console/'.length))).find((d) => existsSync(join(d, 'package.json')));
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    workspaceDependencies(dir, seen);
  }
  return [...seen];
}

export const fromRepo = (path: string) => relative(REPO_ROOT, path);
