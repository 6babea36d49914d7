import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Database, Db } from './database.js';

/** The committed migrations (`npm run db:generate` writes them from src/db/schema). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('drizzle', PACKAGE_ROOT));

/**
 * Applies pending migrations, then `afterwards` (e.g. first-start accounts), while holding the
 * start-up lock: replicas starting together take turns, and the later ones find nothing to do.
 */
export async function prepareDatabase<T>(database: Database, afterwards: (db: Db) => Promise<T>): Promise<T> {
  return database.exclusively(async (db) => {
    // Both drivers' migrators run the same dialect code; the PGlite one accepts any Drizzle pg database.
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
    return afterwards(db);
  });
}
