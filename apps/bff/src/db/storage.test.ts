import { sql, type SQL } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createScratchPostgres, openTestDatabase, queryRows, type TestDatabase } from '../../test/databases.js';
import { AuditLog } from '../audit/audit-log.js';
import { createFirstAccounts } from '../auth/first-accounts.js';
import { ACCOUNT_DELAY_BASE_MS, locksInForce, recordFailure, throttleKeys } from '../auth/throttle.js';
import { DEFAULT_AUTH_SETTINGS } from '../auth/settings.js';
import { createLogger } from '../observability/logger.js';
import { openDatabase } from './database.js';
import { MIGRATIONS_DIR, prepareDatabase } from './migrate.js';

const logger = createLogger('silent');
const migrationCount = () => (JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
const rows = <T>(database: TestDatabase, query: SQL) => queryRows<T>(database.db, query);

describe.each(DATABASE_KINDS)('storage on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('applies every committed migration once; preparing again changes nothing', async () => {
    await prepareDatabase(database, async () => undefined);
    const [applied] = await rows<{ count: number }>(database, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(applied!.count).toBe(migrationCount());
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const log = new AuditLog(database.db, Date.now, logger);
    const id = await log.append({ action: 'test.entry', outcome: 'ok' }, {}, {});
    for (const statement of [
      sql`update audit_events set action = 'tampered' where id = ${id}`,
      sql`delete from audit_events where id = ${id}`,
      sql`truncate audit_events`,
    ]) {
      await expect(database.db.execute(statement)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    }
    const [entry] = await rows<{ action: string }>(database, sql`select action from audit_events where id = ${id}`);
    expect(entry!.action).toBe('test.entry');
  });

  it('counts concurrent sign-in failures without losing any, locks a pair at the limit and delays an account progressively', async () => {
    const now = new Date();
    const settings = { ...DEFAULT_AUTH_SETTINGS, lockoutMs: 60_000, accountDelayMaxMs: 100_000 };
    const keys = throttleKeys('race@x.test', '192.0.2.1');
    await Promise.all(Array.from({ length: 12 }, () => recordFailure(database.db, keys.pair, 12, now, settings)));
    await Promise.all(Array.from({ length: 12 }, () => recordFailure(database.db, keys.account, 6, now, settings, true)));
    const counts = await rows<{ key: string; failures: number }>(database, sql`select key, failures from sign_in_throttle where key like '%race@x.test%' order by key`);
    expect(counts).toEqual([{ key: keys.account, failures: 12 }, { key: keys.pair, failures: 12 }]);
    const locks = await locksInForce(database.db, keys, now);
    expect(locks.get(keys.pair)).toEqual(new Date(now.getTime() + 60_000));
    // The 12th failure against a limit of 6: the first delay doubled six times.
    expect(locks.get(keys.account)).toEqual(new Date(now.getTime() + ACCOUNT_DELAY_BASE_MS * 2 ** 6));
    expect((await locksInForce(database.db, keys, new Date(now.getTime() + 65_000))).size).toBe(0);
  });
});

describe('replicas starting together on one PostgreSQL', () => {
  it('migrate one at a time under the advisory lock and create the first accounts once', async () => {
    const scratch = await createScratchPostgres();
    const replicas = await Promise.all([1, 2, 3].map(() => openDatabase({ url: scratch.url })));
    try {
      const created = await Promise.all(
        replicas.map((replica) =>
          prepareDatabase(replica, (db) =>
            createFirstAccounts(db, new AuditLog(db, Date.now, logger), { demo: true, demoPassword: 'demo-password', passwordHashCost: 4 }),
          ),
        ),
      );
      expect(created.map((accounts) => accounts.length).sort()).toEqual([0, 0, 4]);
      const [applied] = await queryRows<{ count: number }>(replicas[0]!.db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
      expect(applied!.count).toBe(migrationCount());
      const [staff] = await queryRows<{ count: number }>(replicas[0]!.db, sql`select count(*)::int as count from staff_users`);
      expect(staff!.count).toBe(4);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
      await scratch.drop();
    }
  });
});
