import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorCounts, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { DATABASE_KINDS } from '../../../test/databases.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { emptyWrite } from '../model.js';
import { mirrorRuntime } from '../runtime.js';
import { dailyUpkeep } from './maintenance.js';
import { PUBLISH_ROW_COUNTS, rows } from './sql.js';

const mirrorIndexes = async (stack: Stack) =>
  (await rows<{ name: string }>(stack.db, sql`select indexname as name from pg_indexes where tablename like 'mirror%' order by 1`)).map((row) => row.name);
/** Pages of the search index's pending list (merged into it by the call). */
const pendingSearchPages = async (stack: Stack) =>
  (await rows<{ pages: number }>(stack.db, sql`select gin_clean_pending_list('mirror_companies_search_trgm')::int as pages`))[0]!.pages;
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
    // Embedded PGlite: each slice's companies merged into the search index once written (flushSearchIndex).
    if (database === 'pglite') expect(await pendingSearchPages(stack)).toBe(0);
    // Analyzed once the first page was written, so the planner looks a slice's companies up by index.
    const analyzed = await rows<{ table: string }>(stack.db, sql`select relname as table from pg_stat_user_tables where last_analyze is not null order by 1`);
    expect(analyzed.map((row) => row.table)).toEqual(expect.arrayContaining(['mirror_changes', 'mirror_companies', 'mirror_connection_errors', 'mirror_connections']));
    const dropped = await deferred(stack);
    expect(dropped).toEqual(expect.arrayContaining(['mirror_companies_name', 'mirror_companies_created', 'mirror_connection_errors_company']));
    expect((await mirrorIndexes(stack)).filter((name) => dropped.includes(name))).toEqual([]);
    // Unique indexes stay: the load's upserts need them. So do the search index, built before the
    // load, the one each slice reads stored connections by, and those whose builds afterwards were the longest.
    const kept = ['mirror_companies_search_trgm', 'mirror_connections_company', 'mirror_changes_company', 'mirror_connections_status', 'mirror_connections_platform', 'mirror_connections_change_seq', 'mirror_changes_transitions', 'mirror_connections_failing'];
    expect(await mirrorIndexes(stack)).toEqual(expect.arrayContaining(['mirror_connection_errors_identity', ...kept]));
    expect(dropped.filter((name) => kept.includes(name))).toEqual([]);

    const resumed = await syncOnce(syncContext(stack));
    expect(resumed).toMatchObject({ id: crashed.id, status: 'completed' });
    expect(await deferred(stack)).toEqual([]);
    expect(await mirrorIndexes(stack)).toEqual(expect.arrayContaining(before));
    expect((await mirrorCounts(stack)).companies).toBe(stack.emu.store.companies.size);
  });

  it("after the first load analyzes the month tables it only inserted into, and vacuums the others", async () => {
    const upkeep = await rows<{ table: string; vacuumed: boolean; analyzed: boolean }>(
      stack.db,
      sql`select regexp_replace(relname, '_[dm][0-9]+$', '_<month>') as table, bool_or(last_vacuum is not null) as vacuumed, bool_and(last_analyze is not null) as analyzed
          from pg_stat_user_tables where relname in ('mirror_snapshot_days', 'mirror_reports') or relname ~ '^mirror_(connection|company)_months_[dm][0-9]+$'
          group by 1 order by 1`,
    );
    // Each month's partition as built and analyzed by the snapshot or the backfill.
    expect(upkeep).toEqual([
      { table: 'mirror_company_months_<month>', vacuumed: false, analyzed: true },
      { table: 'mirror_connection_months_<month>', vacuumed: false, analyzed: true },
      { table: 'mirror_reports', vacuumed: true, analyzed: true },
      { table: 'mirror_snapshot_days', vacuumed: false, analyzed: true },
    ]);
  });

  it('a later sync defers nothing', async () => {
    const before = await mirrorIndexes(stack);
    const run = await syncOnce(syncContext(stack, { afterPage: async () => expect(await deferred(stack)).toEqual([]) }));
    expect(run.status).toBe('completed');
    expect(await mirrorIndexes(stack)).toEqual(before);
  });
});

// PostgreSQL runs autovacuum itself, by the same thresholds: there the counts would move on their own.
describe('daily upkeep on pglite', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ database: 'pglite', settings: { mirror: TEST_MIRROR_SETTINGS } });
    expect((await syncOnce(syncContext(stack))).status).toBe('completed');
  });
  afterAll(async () => {
    await stack.close();
  });

  const upkeepCounts = async () =>
    Object.fromEntries(
      (
        await rows<{ table: string; vacuums: number; analyzes: number }>(
          stack.db,
          sql`select relname as table, vacuum_count::int as vacuums, analyze_count::int as analyzes from pg_stat_user_tables where relname like 'mirror%'`,
        )
      ).map(({ table, ...counts }) => [table, counts]),
    );

  it("counts the months a first load built as unchanged since their statistics, so the next day's upkeep leaves them", async () => {
    await stack.db.execute(PUBLISH_ROW_COUNTS);
    const months = await rows<{ table: string; changed: number; analyzes: number }>(
      stack.db,
      sql`select relname as table, n_mod_since_analyze::int as changed, analyze_count::int as analyzes from pg_stat_user_tables where relname ~ '^mirror_(connection|company)_months_' order by 1`,
    );
    expect(months.length).toBeGreaterThan(20);
    expect(months.filter((month) => month.changed > 0 || month.analyzes !== 1)).toEqual([]);
  });

  it("merges a webhook's companies into the search index once written", async () => {
    const store = mirrorRuntime(stack.deps).sync.store;
    const now = new Date(stack.deps.now());
    const company = { id: randomUUID(), name: 'Pending List Bakery', nameNormalised: 'pending list bakery', description: null, merchantId: null, tags: {} };
    await store.applyWrite({ ...emptyWrite(now), companies: [company] }, 'webhook', now);
    expect(await pendingSearchPages(stack)).toBe(0);
  });

  it('vacuums the tables a fifth of whose rows are dead, analyzes those a tenth of which changed, and leaves the rest', async () => {
    await dailyUpkeep(stack.db, false);
    const before = await upkeepCounts();
    const [month] = Object.keys(before).filter((table) => /^mirror_connection_months_/.test(table));
    expect(month).toBeDefined();

    // Every company rewritten a few times: more dead rows than live ones, in a table of a few dozen.
    for (let i = 0; i < 4; i += 1) await stack.db.execute(sql`update mirror_companies set sync_digest = null`);
    await stack.db.execute(sql`update mirror_connections set platform_name = platform_name where id = (select min(id) from mirror_connections)`);
    await stack.db.execute(sql`insert into mirror_notes (id, target_type, target_id, text, created_at)
      select gen_random_uuid(), 'connection', 'c' || n, 'note', now() from generate_series(1, 100) as n`);
    await dailyUpkeep(stack.db, false);
    const after = await upkeepCounts();

    expect(after.mirror_companies).toEqual({ vacuums: before.mirror_companies!.vacuums + 1, analyzes: before.mirror_companies!.analyzes + 1 });
    expect(after.mirror_notes).toEqual({ vacuums: before.mirror_notes!.vacuums, analyzes: before.mirror_notes!.analyzes + 1 });
    expect(after.mirror_connections).toEqual(before.mirror_connections);
    expect(after[month!]).toEqual(before[month!]);
  });
});
