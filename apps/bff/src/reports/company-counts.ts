import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rows } from '../mirror/db/sql.js';
import { billablePredicate, type BillableRule } from './billable-rule.js';
import type { CompanyCountFilter, CompanyCountRecord, CompanyCountSortField } from './schemas.js';

const SORT: Record<CompanyCountSortField, SQL> = {
  name: sql`lower(c.name)`,
  connections: sql`connections`,
  billableConnections: sql`"billableConnections"`,
  id: sql`m.company_id`,
};

function grouped(month: string, rule: BillableRule, lastDay: string, filter: CompanyCountFilter, extra: SQL = sql`true`): SQL {
  const billable = billablePredicate(rule, lastDay);
  const having: SQL[] = [];
  if (filter.billable !== undefined) having.push(sql`(count(*) filter (where ${billable}) > 0) = ${filter.billable}`);
  if (filter.platform) having.push(sql`bool_or(m.platform_key = ${filter.platform})`);
  return sql`select m.company_id as id, c.name, c.merchant_id as "merchantId", coalesce(c.deleted_at is not null, true) as "companyDeleted",
      count(*)::int as connections,
      (count(*) filter (where not m.sandbox and m.last_day = ${lastDay}::date and m.last_status = 'Linked'))::int as "linkedAtMonthEnd",
      (count(*) filter (where ${billable}))::int as "billableConnections",
      (count(*) filter (where m.sandbox))::int as "sandboxConnections",
      array_remove(array_agg(distinct m.platform_key), null) as platforms
    from mirror_connection_months m left join mirror_companies c on c.id = m.company_id
    where m.month = ${month} and ${extra}
    group by m.company_id, c.name, c.merchant_id, c.deleted_at
    ${having.length > 0 ? sql`having ${sql.join(having, sql` and `)}` : sql``}`;
}

/** Per-company connection counts for the month, paged. */
export async function companyCountsPage(
  db: Db,
  input: { month: string; rule: BillableRule; lastDay: string; filter: CompanyCountFilter; start: number; end: number; sort?: { field: CompanyCountSortField; order: 'ASC' | 'DESC' } },
): Promise<{ records: CompanyCountRecord[]; total: number }> {
  const query = grouped(input.month, input.rule, input.lastDay, input.filter);
  const { field, order } = input.sort ?? { field: 'billableConnections', order: 'DESC' };
  const direction = sql.raw(order === 'DESC' ? 'desc' : 'asc');
  const [records, [count]] = await Promise.all([
    rows<CompanyCountRecord>(
      db,
      sql`${query} order by ${SORT[field]} ${direction} nulls last, m.company_id limit ${input.end - input.start + 1} offset ${input.start}`,
    ),
    rows<{ total: number }>(db, sql`select count(*)::int as total from (${query}) as companies`),
  ]);
  return { records, total: count!.total };
}

/** The same, in company-id order after `after` (keyset), for the CSV export. */
export function companyCountsBatch(
  db: Db,
  input: { month: string; rule: BillableRule; lastDay: string; filter: CompanyCountFilter },
  after: string | undefined,
  limit: number,
): Promise<CompanyCountRecord[]> {
  const query = grouped(input.month, input.rule, input.lastDay, input.filter, sql`m.company_id > ${after ?? ''}`);
  return rows<CompanyCountRecord>(db, sql`${query} order by m.company_id limit ${limit}`);
}
