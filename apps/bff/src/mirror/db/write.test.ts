import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.js';
import { until } from '../../../test/until.js';
import type { Db } from '../../db/database.js';
import { emptyWrite, type MirrorWrite, type ObservedConnection } from '../model.js';
import { rows } from './sql.js';
import { applyWrite } from './write.js';

// PostgreSQL only: on embedded PGlite's one session a transaction waits for the one before it.
describe('applyWrite on PostgreSQL, two writers at once', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await database.dispose();
  });

  const write = (changes: Partial<MirrorWrite>): MirrorWrite => ({ ...emptyWrite(new Date()), ...changes });
  const apply = (tx: unknown, changes: Partial<MirrorWrite>) => applyWrite(tx as Db, write(changes), 'webhook', new Date());
  const linkedConnection = (companyId: string): ObservedConnection => ({
    id: randomUUID(), companyId, integrationId: 'xero', platformKey: 'xero', platformName: 'Xero', sourceType: 'Accounting', status: 'Linked',
    created: null, createdAt: null, lastSync: null, sandbox: false, errors: [],
  });
  const waitingForALock = async () =>
    (await rows<{ waiting: number }>(database.db, sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]!.waiting;

  it("counts both when each adds a Linked connection to the same company before the other commits", async () => {
    const company = { id: randomUUID(), name: 'Twice Linked Ltd', nameNormalised: 'twice linked', description: null, merchantId: null, tags: {} };
    await database.db.transaction((tx) => apply(tx, { companies: [company] }));
    let commitFirst!: () => void;
    let firstWritten!: () => void;
    const written = new Promise<void>((resolve) => (firstWritten = resolve));
    const first = database.db.transaction(async (tx) => {
      await apply(tx, { connections: [linkedConnection(company.id)] });
      firstWritten();
      await new Promise<void>((resolve) => (commitFirst = resolve));
    });
    await written;
    const second = database.db.transaction((tx) => apply(tx, { connections: [linkedConnection(company.id)] }));
    expect(await until(waitingForALock, (waiting) => waiting === 1, { timeoutMs: 10_000, everyMs: 20 })).toBe(1);
    commitFirst();
    await Promise.all([first, second]);
    expect(await rows(database.db, sql`select linked_connections as linked from mirror_companies where id = ${company.id}`)).toEqual([{ linked: 2 }]);
  });
});
