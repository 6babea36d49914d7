import { readFileSync } from 'node:fs';

/**
 * The V8 flags `npm start` runs the BFF with (apps/bff/package.json), so a benchmark's BFF process
 * is measured as it runs in production: the heap cap bounds memory as much as the code does.
 */
export function bffStartFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((argument) => argument.startsWith('--max-old-space-size='));
}
