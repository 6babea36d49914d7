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
  // A new WAL segment is then created without first writing its 16 MB of zeros (PGlite runs
  // without fsync, so the zeros buy nothing), which stalled the statement that needed it.
  '-c',
  'wal_init_zero=off',
  // What a checkpoint keeps of the log for reuse (see checkpointIfWalGrew); 1 GB by default.
  '-c',
  'max_wal_size=256MB',
  // Statistics from a sample of 3,000 rows, not 30,000: reading the sample is most of an analyze's
  // cost, and each analyze is one statement requests wait behind. After a first load of 100,000
  // companies, each of the four tables it filled held PGlite for 0.37–0.62 s; from the smaller
  // sample, about 50 ms. Ten values and buckets per column still tell the planner each status and
  // the commonest platforms apart, which is what its choices between the mirror's indexes turn on.
  '-c',
  'default_statistics_target=10',
];

/**
 * PostgreSQL alone in one process (PGlite's single-user mode) never checkpoints by itself: its
 * write-ahead log would grow by every write until the server stops (576 MB over a 30,000-company
 * first load, then more with every sync), each new 16 MB segment created afresh. Once this much
 * WAL has been written since the last checkpoint, the next check takes one, and the old segments
 * are reused or removed.
 */
const CHECKPOINT_AFTER_WAL_BYTES = 64 * 1024 * 1024;
const WAL_CHECK_EVERY_MS = 10_000;

/** Takes a checkpoint when `afterBytes` or more of WAL were written since the last one; true when it did. */
export async function checkpointIfWalGrew(client: Pick<PGlite, 'query' | 'exec'>, afterBytes = CHECKPOINT_AFTER_WAL_BYTES): Promise<boolean> {
  const { rows } = await client.query<{ written: number }>(
    'select pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::float8 as written from pg_control_checkpoint()',
  );
  if (rows[0]!.written < afterBytes) return false;
  await client.exec('checkpoint');
  return true;
}

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

/**
 * Embedded PostgreSQL persisted in `dataDir`, created there on first use. `inTurn` runs each WAL
 * check when the database is free (the worker thread: in the background lane).
 */
export async function openPglite(dataDir: string, inTurn: (check: () => Promise<void>) => void = (check) => void check()): Promise<PGlite> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initializeDataDir(dataDir);
  const client = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS, startParams: PGLITE_START_PARAMS });
  await client.waitReady;
  const walCheck = setInterval(() => {
    if (client.closed) clearInterval(walCheck);
    else inTurn(async () => void (await checkpointIfWalGrew(client).catch(() => undefined)));
  }, WAL_CHECK_EVERY_MS).unref();
  return client;
}
