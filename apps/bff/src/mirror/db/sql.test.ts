import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../../test/databases.js';
import { rows, rowsAsJson } from './sql.js';

describe.each(DATABASE_KINDS)('rowsAsJson on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const values = sql`select * from (values ('b', 2, true, array['x', 'y'], null::text), ('a', 1, false, '{}'::text[], 'n')) as v(id, count, flag, tags, note)`;

  it('reads the same values as row by row, in key order', async () => {
    const asJson = await rowsAsJson<{ id: string }>(database.db, values, 'id');
    expect(asJson).toEqual([
      { id: 'a', count: 1, flag: false, tags: [], note: 'n' },
      { id: 'b', count: 2, flag: true, tags: ['x', 'y'], note: null },
    ]);
    expect(asJson).toEqual(await rows(database.db, sql`${values} order by id`));
  });
});
