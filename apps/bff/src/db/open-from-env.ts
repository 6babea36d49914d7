import { mkdirSync } from 'node:fs';
import { AuditLog } from '../audit/audit-log.js';
import { createFirstAccounts, type FirstAccount } from '../auth/first-accounts.js';
import type { Env } from '../env.js';
import type { Logger } from '../observability/logger.js';
import { openDatabase, type Database } from './database.js';
import { prepareDatabase } from './migrate.js';

/**
 * PostgreSQL when DATABASE_URL is set, else PGlite in CONSOLE_DATA_DIR; migrated, and with the
 * first accounts created at first start, under the start-up lock.
 */
export async function openDatabaseFromEnv(
  env: Env,
  logger: Logger,
  passwordHashCost: number,
): Promise<{ database: Database; firstAccounts: FirstAccount[] }> {
  if (!env.DATABASE_URL) mkdirSync(env.CONSOLE_DATA_DIR, { recursive: true });
  const database = await openDatabase(
    env.DATABASE_URL
      ? { url: env.DATABASE_URL, onPoolError: (error) => logger.warn({ err: error }, 'database connection lost; reconnecting') }
      : { dataDir: env.CONSOLE_DATA_DIR, thread: env.PGLITE_THREAD },
  );
  const auditLog = new AuditLog(database.db, Date.now, logger);
  const firstAccounts = await prepareDatabase(database, (db) =>
    createFirstAccounts(db, auditLog, {
      adminEmail: env.ADMIN_EMAIL,
      adminPassword: env.ADMIN_PASSWORD,
      demo: !env.CODAT_API_KEY,
      demoPassword: env.DEMO_PASSWORD,
      passwordHashCost,
    }),
  );
  logger.info({ database: database.kind === 'postgres' ? 'postgres' : `pglite:${env.CONSOLE_DATA_DIR}` }, 'database ready');
  return { database, firstAccounts };
}
