import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { PGLITE_EXTENSIONS } from '../src/db/pglite.js';
import { MIGRATIONS_DIR, prepareDatabase } from '../src/db/migrate.js';

export type DatabaseKind = 'pglite' | 'postgres';
/** Storage tests run once per kind. */
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgres'];

/** A PostgreSQL database tests may create scratch databases from (trust auth, as on CI). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  /** The scratch database's URL (PostgreSQL only), for child processes. */
  url?: string;
  /** Closes it and, on PostgreSQL, drops the scratch database. */
  dispose(): Promise<void>;
}

/** A new, empty database on the test server, named for this run so runs never collide. */
export async function createScratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `console_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Storage for a BFF child process of the given kind: a temporary PGlite data directory or a scratch
 * PostgreSQL database, as the variables that point the process at it, and how to remove it.
 */
export async function scratchStorage(kind: DatabaseKind, name: string): Promise<{ env: Record<string, string>; cleanUp: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `console-${name}-`));
    return { env: { CONSOLE_DATA_DIR: dir }, cleanUp: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchPostgres();
  return { env: { DATABASE_URL: scratch.url }, cleanUp: scratch.drop };
}

type WasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
// Node's global; this project's TypeScript lib (ES2023, no DOM) does not declare it.
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> };

const resolvePackageFile = createRequire(import.meta.url).resolve;
let modules: Promise<{ pgliteWasmModule: WasmModule; initdbWasmModule: WasmModule; fsBundle: Blob }> | undefined;

/** PGlite's WebAssembly compiled once per test process instead of once per database. */
function pgliteModules() {
  modules ??= (async () => ({
    pgliteWasmModule: await WebAssembly.compile(readFileSync(resolvePackageFile('@electric-sql/pglite/pglite.wasm'))),
    initdbWasmModule: await WebAssembly.compile(readFileSync(resolvePackageFile('@electric-sql/pglite/initdb.wasm'))),
    fsBundle: new Blob([readFileSync(resolvePackageFile('@electric-sql/pglite/pglite.data'))]),
  }))();
  return modules;
}

let template: Promise<Uint8Array> | undefined;

/**
 * A migrated, empty PGlite data directory as a tarball. A fresh PGlite spends seconds in initdb;
 * loading this takes a fraction of that. Cached on disk per migration set and PGlite version.
 */
export function pgliteTemplate(): Promise<Uint8Array> {
  template ??= (async () => {
    const hash = createHash('sha256');
    const pgliteEntry = resolvePackageFile('@electric-sql/pglite');
    hash.update(readFileSync(join(dirname(pgliteEntry), '..', 'package.json')));
    for (const file of readdirSync(MIGRATIONS_DIR, { recursive: true, encoding: 'utf8' }).sort()) {
      if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
    }
    const cached = join(tmpdir(), `console-bff-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
    try {
      return new Uint8Array(readFileSync(cached));
    } catch {
      const pglite = new PGlite({ ...(await pgliteModules()), extensions: PGLITE_EXTENSIONS });
      await prepareDatabase(await openDatabase({ pglite }), async () => undefined);
      const tarball = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
      await pglite.close();
      const partial = `${cached}.${process.pid}`;
      writeFileSync(partial, tarball);
      renameSync(partial, cached);
      return tarball;
    }
  })();
  return template;
}

/** A migrated, empty database of the given kind: PGlite in memory, or a scratch PostgreSQL database. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const loadDataDir = new Blob([await pgliteTemplate()]);
    const database = await openDatabase({ pglite: new PGlite({ ...(await pgliteModules()), loadDataDir, relaxedDurability: true, extensions: PGLITE_EXTENSIONS }) });
    return { ...database, dispose: () => database.close() };
  }
  const scratch = await createScratchPostgres();
  const database = await openDatabase({ url: scratch.url });
  await prepareDatabase(database, async () => undefined);
  return {
    ...database,
    url: scratch.url,
    dispose: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/** Rows of a raw SQL query: both drivers answer `{ rows }`, which Drizzle's common type does not say. */
export async function queryRows<T>(db: Database['db'], query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
