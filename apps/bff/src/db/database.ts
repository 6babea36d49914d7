import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { openPglite } from './pglite.js';
import { PgliteThread } from './pglite-thread.js';
import { PoolWithLanes } from './postgres-pool.js';
import * as schema from './schema/index.js';

/** The console's database through Drizzle: the same queries run on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /**
   * Runs `fn` while no other replica runs it: a PostgreSQL advisory lock held on one connection
   * (released by PostgreSQL if this process dies). PGlite belongs to one process, so it needs none.
   */
  exclusively<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseConfig =
  /** PostgreSQL, e.g. `postgres://user:pass@host:5432/console`. */
  | { url: string; onPoolError?: (error: Error) => void }
  /**
   * Embedded PGlite persisted in a directory, executing in a worker thread (pglite-thread.ts)
   * unless `thread` is 'main'; `requestGraceMs` (tests) replaces the worker's REQUEST_GRACE_MS.
   */
  | { dataDir: string; thread?: 'worker' | 'main'; requestGraceMs?: number }
  /** An already opened PGlite (tests: in memory). */
  | { pglite: PGlite };

/** Any 64-bit number, the same in every replica: the key of the start-up lock. */
const STARTUP_LOCK_KEY = 7_410_215_031;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ('url' in config) return openPostgres(config.url, config.onPoolError);
  const client =
    'pglite' in config
      ? config.pglite
      : config.thread === 'main'
        ? await openPglite(config.dataDir)
        : PgliteThread.open({ dataDir: config.dataDir, requestGraceMs: config.requestGraceMs }).asPglite();
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exclusively: (fn) => fn(db),
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
  };
}

function openPostgres(url: string, onPoolError?: (error: Error) => void): Database {
  const pool = new PoolWithLanes({ connectionString: url });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => onPoolError?.(error));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    exclusively: async (fn) => {
      const connection = await pool.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        try {
          return await fn(drizzlePg({ client: connection, schema }) as unknown as Db);
        } finally {
          await connection.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
        }
      } finally {
        connection.release();
      }
    },
    ping: async () => void (await pool.query('select 1')),
    close: () => pool.end(),
  };
}
