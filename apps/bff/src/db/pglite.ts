import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Extensions PGlite loads (PostgreSQL has them in contrib): pg_trgm indexes the mirror's company search. */
export const PGLITE_EXTENSIONS = { pg_trgm };

/**
 * PGlite's defaults suit a browser tab, not a server beside a JS heap: its buffer pool lives in
 * the process's WebAssembly memory, which grows but never shrinks. PGlite reads its files through
 * the OS page cache, so a smaller pool costs little.
 */
export const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=32MB',
];

const run = promisify(execFile);

/**
 * initdb in a short-lived child process: run in this one, its WebAssembly instance stays
 * reachable from PGlite and holds about 400 MB for the life of the server.
 */
async function initializeDataDir(dataDir: string): Promise<void> {
  const pgliteModule = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `const { PGlite } = require(${JSON.stringify(pgliteModule)});
    const db = new PGlite(${JSON.stringify(dataDir)});
    db.waitReady.then(() => db.close());`;
  await run(process.execPath, ['-e', script]);
}

/** Embedded PostgreSQL persisted in `dataDir`, created there on first use. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initializeDataDir(dataDir);
  const client = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS, startParams: PGLITE_START_PARAMS });
  await client.waitReady;
  return client;
}
