#!/usr/bin/env node
// The JavaScript the first screen loads, gzipped, against the budget: the entry chunk and every
// chunk it imports statically (Vite preloads those with <link rel="modulepreload">), read from
// dist/.vite/manifest.json. Lazy chunks (React.lazy, import()) are listed but not counted.
// Run after `vite build` (npm run bundle-size does both). Exits 1 above the budget, 2 without a build.
// Sizes are in kB of 1000 bytes, as Vite prints them. Budget: BUNDLE_BUDGET_KB (default 400).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = resolve(appDir, process.argv[2] ?? 'dist');
const manifestPath = join(distDir, '.vite', 'manifest.json');
const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 400);

if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run "vite build" first (build.manifest must be on in vite.config.ts).`);
  process.exit(2);
}

/** @type {Record<string, { file: string; src?: string; name?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error(`${manifestPath} has no entry chunk.`);
  process.exit(2);
}

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(distDir, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** The entry and its static imports, depth first, each once. */
const initial = new Set();
function collect(key) {
  if (initial.has(key)) return;
  initial.add(key);
  for (const imported of manifest[key]?.imports ?? []) collect(imported);
}
for (const [key] of entries) collect(key);

const kb = (bytes) => (bytes / 1000).toFixed(2).padStart(9);
const label = (key) => manifest[key].src ?? manifest[key].name ?? key;
const isJs = (file) => file.endsWith('.js') || file.endsWith('.mjs');

console.log(`First screen (entry + static imports), gzipped, budget ${budgetKb} kB:`);
let total = 0;
for (const key of initial) {
  const { file } = manifest[key];
  if (!isJs(file)) continue;
  const { raw, gzip } = sizeOf(file);
  total += gzip;
  console.log(`  ${kb(gzip)} kB  (${kb(raw).trim()} kB raw)  ${file}  ← ${label(key)}`);
}
const css = [...initial].flatMap((key) => manifest[key].css ?? []);
for (const file of new Set(css)) console.log(`  ${kb(sizeOf(file).gzip)} kB  ${file} (CSS, not counted)`);

const lazy = Object.entries(manifest)
  .filter(([key, chunk]) => !initial.has(key) && isJs(chunk.file))
  .map(([key, chunk]) => ({ key, file: chunk.file, ...sizeOf(chunk.file) }))
  .sort((a, b) => b.gzip - a.gzip);
console.log(`\nLoaded on demand (${lazy.length} chunks, not counted):`);
for (const chunk of lazy) console.log(`  ${kb(chunk.gzip)} kB  ${chunk.file}  ← ${label(chunk.key)}`);

const pass = total <= budgetKb * 1000;
console.log(`\n${pass ? 'PASS' : 'FAIL'}: first-screen JavaScript is ${(total / 1000).toFixed(2)} kB gzipped; the budget is ${budgetKb} kB (${pass ? `${((budgetKb * 1000 - total) / 1000).toFixed(2)} kB to spare` : `${((total - budgetKb * 1000) / 1000).toFixed(2)} kB over`}).`);
process.exit(pass ? 0 : 1);
