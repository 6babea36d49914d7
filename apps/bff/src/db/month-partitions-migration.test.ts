import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, queryRows } from '../../test/databases.js';
import { withDatabaseAt } from '../../test/migrations.js';
import { prepareDatabase } from './migrate.js';

describe.each(DATABASE_KINDS)('migration 0016 on %s', (kind) => {
  it('moves the month tables of a console upgraded with history into a partition per month, rows unchanged', async () => {
    await withDatabaseAt(kind, 15, async (database) => {
      const { db } = database;
      await db.execute(sql`insert into mirror_connection_months (month, connection_id, company_id, platform_key, platform_name, source_type, sandbox,
          first_day, last_day, first_status, last_status, days_seen, days_linked, previous_status, before_last_day, before_last_status)
        values ('2026-10', 'k1', 'c1', 'xero', 'Xero', 'Accounting', false, '2026-10-01', '2026-10-31', 'Linked', 'Linked', 31, 31, null, '2026-10-30', 'Linked'),
          ('2026-11', 'k1', 'c1', 'xero', 'Xero', 'Accounting', false, '2026-11-01', '2026-11-30', 'Linked', 'Deauthorized', 30, 12, 'Linked', null, null),
          ('2026-11', 'k2', 'c2', null, 'Sage', 'Banking', true, '2026-11-03', '2026-11-30', 'PendingAuth', 'PendingAuth', 28, 0, null, null, null)`);
      await db.execute(sql`insert into mirror_company_months (month, company_id, connections, linked_at_month_end, billable_linked_any_time,
          billable_linked_at_month_end, billable_linked_all_month, sandbox_connections, platforms, platform_names)
        values ('2026-10', 'c1', 1, 1, 1, 1, 1, 0, '{xero}', '{Xero}'), ('2026-11', 'c1', 1, 0, 1, 0, 0, 0, '{xero}', '{Xero}'),
          ('2026-11', 'c2', 1, 0, 0, 0, 0, 1, '{}', '{Sage}')`);
      const tables = async () => ({
        connectionMonths: await queryRows(db, sql`select * from mirror_connection_months order by month, connection_id`),
        companyMonths: await queryRows(db, sql`select * from mirror_company_months order by month, company_id`),
      });
      const rows = await tables();

      await prepareDatabase(database, async () => undefined);

      expect(await tables()).toEqual(rows);
      const partitions = await queryRows(
        db,
        sql`select p.relname as parent, c.relname as partition, pg_get_expr(c.relpartbound, c.oid) as bound
            from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
            where p.relname in ('mirror_connection_months', 'mirror_company_months') order by 1, 2`,
      );
      expect(partitions).toEqual(
        ['mirror_company_months', 'mirror_connection_months'].flatMap((parent) => [
          { parent, partition: `${parent}_m202610`, bound: "FOR VALUES IN ('2026-10')" },
          { parent, partition: `${parent}_m202611`, bound: "FOR VALUES IN ('2026-11')" },
        ]),
      );
    });
  }, 60_000);
});
