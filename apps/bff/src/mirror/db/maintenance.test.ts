import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorCounts, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { DATABASE_KINDS } from '../../../test/databases.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { rows } from './sql.js';

const mirrorIndexes = async (stack: Stack) =>
  (await rows<{ name: string }>(stack.db, sql`select indexname as name from pg_indexes where tablename like 'mirror%' order by 1`)).map((row) => row.name);
const deferred = async (stack: Stack) => (await rows<{ name: string }>(stack.db, sql`select name from mirror_deferred_indexes order by 1`)).map((row) => row.name);

describe.each(DATABASE_KINDS)('first load with deferred indexes on %s', (database) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ database, settings: { mirror: TEST_MIRROR_SETTINGS } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('drops secondary indexes for the load, keeps them through a crash, and rebuilds every one at the end', async () => {
    const before = await mirrorIndexes(stack);
    const crashed = await syncOnce(
      syncContext(stack, {
        afterPage: (_run, page) => {
          if (page === 2) throw new Error('process killed');
        },
      }),
    );
    expect(crashed.status).toBe('interrupted');
    const dropped = await deferred(stack);
    expect(dropped).toEqual(expect.arrayContaining(['mirror_changes_company', 'mirror_companies_name', 'mirror_connections_company', 'mirror_connection_errors_company']));
    expect((await mirrorIndexes(stack)).filter((name) => dropped.includes(name))).toEqual([]);
    // Unique indexes stay: the load's upserts need them.
    expect(await mirrorIndexes(stack)).toContain('mirror_connection_errors_identity');

    const resumed = await syncOnce(syncContext(stack));
    expect(resumed).toMatchObject({ id: crashed.id, status: 'completed' });
    expect(await deferred(stack)).toEqual([]);
    expect(await mirrorIndexes(stack)).toEqual(expect.arrayContaining(before));
    expect((await mirrorCounts(stack)).companies).toBe(stack.emu.store.companies.size);
  });

  it("after the first load analyzes the month tables it only inserted into, and vacuums the others", async () => {
    const upkeep = await rows<{ table: string; vacuumed: boolean; analyzed: boolean }>(
      stack.db,
      sql`select relname as table, last_vacuum is not null as vacuumed, last_analyze is not null as analyzed from pg_stat_user_tables
          where relname in ('mirror_connection_months', 'mirror_company_months', 'mirror_reports') order by relname`,
    );
    expect(upkeep).toEqual([
      { table: 'mirror_company_months', vacuumed: false, analyzed: true },
      { table: 'mirror_connection_months', vacuumed: false, analyzed: true },
      { table: 'mirror_reports', vacuumed: true, analyzed: true },
    ]);
  });

  it('a later sync defers nothing', async () => {
    const before = await mirrorIndexes(stack);
    const run = await syncOnce(syncContext(stack, { afterPage: async () => expect(await deferred(stack)).toEqual([]) }));
    expect(run.status).toBe('completed');
    expect(await mirrorIndexes(stack)).toEqual(before);
  });
});
