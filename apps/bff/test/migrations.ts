import { PGlite } from '@electric-sql/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/db/database.js';
import { MIGRATIONS_DIR } from '../src/db/migrate.js';
import { PGLITE_EXTENSIONS } from '../src/db/pglite.js';
import { createScratchPostgres, type DatabaseKind } from './databases.js';

/** The committed migrations up to number `last`, in a folder of their own: a console as it was before a later one. */
function migrationsThrough(last: number): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'console-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = join(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  writeFileSync(journalPath, JSON.stringify(journal));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A database with no tables yet: in-memory PGlite, or a scratch database on the test PostgreSQL. */
async function emptyDatabase(kind: DatabaseKind): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ pglite: new PGlite({ extensions: PGLITE_EXTENSIONS }) });
    return { database, dispose: () => database.close() };
  }
  const scratch = await createScratchPostgres();
  const database = await openDatabase({ url: scratch.url });
  return { database, dispose: async () => (await database.close(), await scratch.drop()) };
}

/** `test` given a database of `kind` migrated through number `last` (to fill, then upgrade with prepareDatabase); removed after. */
export async function withDatabaseAt(kind: DatabaseKind, last: number, test: (database: Database) => Promise<void>): Promise<void> {
  const { database, dispose } = await emptyDatabase(kind);
  const before = migrationsThrough(last);
  try {
    await migrate(database.db as unknown as PgliteDatabase, { migrationsFolder: before.dir });
    await test(database);
  } finally {
    before.remove();
    await dispose();
  }
}
