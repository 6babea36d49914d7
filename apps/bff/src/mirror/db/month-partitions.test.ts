import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../../test/databases.js';
import { dropMonthsBefore, ensureMonthPartitions } from './month-partitions.js';
import { rows } from './sql.js';

const MONTHS = ['2026-09', '2026-10', '2026-11'];

describe.each(DATABASE_KINDS)('month partitions on %s', (kind) => {
  let database: TestDatabase;
  const partitions = () =>
    rows<{ name: string }>(database.db, sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent in ('mirror_connection_months'::regclass, 'mirror_company_months'::regclass) order by 1`);
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('makes a month its partitions once, and prunes the months before a month with their rows', async () => {
    const { db } = database;
    for (const month of [...MONTHS, '2026-10']) await ensureMonthPartitions(db, month);
    expect((await partitions()).map((partition) => partition.name)).toEqual(
      ['mirror_company_months', 'mirror_connection_months'].flatMap((table) => ['202609', '202610', '202611'].map((month) => `${table}_m${month}`)),
    );
    for (const [i, month] of MONTHS.entries()) {
      await db.execute(sql`insert into mirror_company_months (month, company_id, connections, linked_at_month_end, billable_linked_any_time,
          billable_linked_at_month_end, billable_linked_all_month, sandbox_connections, platforms, platform_names)
        select ${month}, 'c' || n, 1, 1, 1, 1, 1, 0, '{}', '{}' from generate_series(1, ${i + 1}) as n`);
    }
    expect(await dropMonthsBefore(db, '2026-11')).toEqual({ mirror_connection_months: 0, mirror_company_months: 3 });
    expect((await partitions()).map((partition) => partition.name)).toEqual(['mirror_company_months_m202611', 'mirror_connection_months_m202611']);
    expect(await rows(db, sql`select month, count(*)::int as companies from mirror_company_months group by month`)).toEqual([{ month: '2026-11', companies: 3 }]);
  });
});
