import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rows } from '../mirror/db/sql.js';
import type { BillableRule } from './billable-rule.js';
import type { CompanyCountFilter, CompanyCountRecord, CompanyCountSortField } from './schemas.js';

/** mirror_company_months keeps a billable count per rule (see mirror/db/snapshot.ts). */
const BILLABLE_COLUMN: Record<BillableRule, SQL> = {
  'linked-any-time': sql.raw('m.billable_linked_any_time'),
  'linked-at-month-end': sql.raw('m.billable_linked_at_month_end'),
  'linked-all-month': sql.raw('m.billable_linked_all_month'),
};

const SORT: Record<CompanyCountSortField, SQL> = {
  id: sql`m.company_id`,
  name: sql`lower(c.name)`,
  connections: sql`m.connections`,
  billableConnections: sql`"billableConnections"`,
};

export interface CompanyCountsInput {
  month: string;
  rule: BillableRule;
  filter: CompanyCountFilter;
}

function selection({ month, rule, filter }: CompanyCountsInput, extra: SQL = sql`true`): SQL {
  const billable = BILLABLE_COLUMN[rule];
  const conditions = [sql`m.month = ${month}`, extra];
  if (filter.billable !== undefined) conditions.push(sql`(${billable} > 0) = ${filter.billable}`);
  if (filter.platform) conditions.push(sql`${filter.platform} = any(m.platforms)`);
  return sql`select m.company_id as id, c.name, c.merchant_id as "merchantId", coalesce(c.deleted_at is not null, true) as "companyDeleted",
      m.connections, m.linked_at_month_end as "linkedAtMonthEnd", ${billable} as "billableConnections",
      m.sandbox_connections as "sandboxConnections", m.platforms
    from mirror_company_months m left join mirror_companies c on c.id = m.company_id
    where ${sql.join(conditions, sql` and `)}`;
}

/** Per-company connection counts for the month (as of its latest snapshot), paged. */
export async function companyCountsPage(
  db: Db,
  input: CompanyCountsInput & { start: number; end: number; sort?: { field: CompanyCountSortField; order: 'ASC' | 'DESC' } },
): Promise<{ records: CompanyCountRecord[]; total: number }> {
  const query = selection(input);
  const { field, order } = input.sort ?? { field: 'billableConnections', order: 'DESC' };
  const direction = sql.raw(order === 'DESC' ? 'desc' : 'asc');
  const [records, [count]] = await Promise.all([
    rows<CompanyCountRecord>(db, sql`${query} order by ${SORT[field]} ${direction} nulls last, m.company_id limit ${input.end - input.start + 1} offset ${input.start}`),
    rows<{ total: number }>(db, sql`select count(*)::int as total from (${query}) as companies`),
  ]);
  return { records, total: count!.total };
}

/** The same in company-id order after `after` (keyset), for the CSV export. */
export function companyCountsBatch(db: Db, input: CompanyCountsInput, after: string | undefined, limit: number): Promise<CompanyCountRecord[]> {
  return rows<CompanyCountRecord>(db, sql`${selection(input, sql`m.company_id > ${after ?? ''}`)} order by m.company_id limit ${limit}`);
}
