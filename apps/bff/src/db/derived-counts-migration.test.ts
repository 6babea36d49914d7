import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, queryRows } from '../../test/databases.js';
import { withDatabaseAt } from '../../test/migrations.js';
import { prepareDatabase } from './migrate.js';

describe.each(DATABASE_KINDS)('migration 0017 on %s', (kind) => {
  it('counts the Linked connections of each company and the active errors of each connection already mirrored', async () => {
    await withDatabaseAt(kind, 16, async (database) => {
      const { db } = database;
      const at = sql`'2026-11-01T00:00:00Z'::timestamptz`;
      await db.execute(sql`insert into mirror_companies (id, name, name_normalised, tags, search_text, first_seen_at, updated_at, reshaped_at)
        select id, id, id, '{}'::jsonb, id, ${at}, ${at}, ${at} from unnest(array['c1', 'c2', 'c3']) as id`);
      await db.execute(sql`insert into mirror_connections (id, company_id, integration_id, platform_name, source_type, status, sandbox, first_seen_at, status_changed_at, observed_at, deleted_at)
        values ('k1', 'c1', 'i', 'Xero', 'Accounting', 'Linked', false, ${at}, ${at}, ${at}, null), ('k2', 'c1', 'i', 'Xero', 'Accounting', 'Linked', false, ${at}, ${at}, ${at}, null),
          ('k3', 'c2', 'i', 'Xero', 'Accounting', 'Deauthorized', false, ${at}, ${at}, ${at}, null), ('k4', 'c3', 'i', 'Xero', 'Accounting', 'Linked', false, ${at}, ${at}, ${at}, ${at})`);
      await db.execute(sql`insert into mirror_connection_errors (connection_id, company_id, fingerprint, group_id, active, gone, first_seen_at)
        values ('k1', 'c1', 'f1', 'g', true, false, ${at}), ('k1', 'c1', 'f2', 'g', false, false, ${at}), ('k1', 'c1', 'f3', 'g', true, false, ${at}), ('k3', 'c2', 'f1', 'g', true, false, ${at})`);

      await prepareDatabase(database, async () => undefined);

      expect(await queryRows(db, sql`select id, linked_connections as linked from mirror_companies order by id`)).toEqual([
        { id: 'c1', linked: 2 },
        { id: 'c2', linked: 0 },
        { id: 'c3', linked: 0 },
      ]);
      expect(await queryRows(db, sql`select id, active_errors as errors from mirror_connections order by id`)).toEqual([
        { id: 'k1', errors: 2 },
        { id: 'k2', errors: 0 },
        { id: 'k3', errors: 1 },
        { id: 'k4', errors: 0 },
      ]);
    });
  }, 60_000);
});
