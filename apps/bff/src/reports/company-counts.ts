import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rows, rowsAsJson } from '../mirror/db/sql.js';
import type { BillableRule } from './billable-rule.js';
import type { CompanyCountFilter, CompanyCountRecord, CompanyCountSortField } from './schemas.js';

/** mirror_company_months keeps a billable count per rule (see mirror/db/snapshot.ts). */
const BILLABLE_COLUMN: Record<BillableRule, SQL> = {
  'linked-any-time': sql.raw('m.billable_linked_any_time'),
  'linked-at-month-end': sql.raw('m.billable_linked_at_month_end'),
  'linked-all-month': sql.raw('m.billable_linked_all_month'),
};

function sortKey(field: CompanyCountSortField, rule: BillableRule): SQL {
  if (field === 'name') return sql`lower(c.name)`;
  return field === 'id' ? sql`m.company_id` : field === 'connections' ? sql`m.connections` : BILLABLE_COLUMN[rule];
}

/** The month's snapshots' first and last taking times (null: none that month). */
export interface MonthSpan {
  firstTakenAt: string | null;
  lastTakenAt: string | null;
}

/**
 * Every company of the month as `m` (mirror_company_months' columns): those with a connection on a
 * snapshot of the month, and, with zero counts, those that existed during the month's snapshots
 * without any connection (mirror_company_months has no row for them).
 */
export function monthCompanies(month: string, span: MonthSpan): SQL {
  const withConnections = sql`select * from mirror_company_months where month = ${month}`;
  if (span.firstTakenAt === null || span.lastTakenAt === null) return sql`(${withConnections}) as m`;
  return sql`(${withConnections} union all
    select ${month}, c.id, 0, 0, 0, 0, 0, 0, '{}'::text[], '{}'::text[] from mirror_companies c
    where coalesce(c.created_at, c.first_seen_at) <= ${span.lastTakenAt}::timestamptz and (c.deleted_at is null or c.deleted_at > ${span.firstTakenAt}::timestamptz)
      and not exists (select 1 from mirror_company_months k where k.month = ${month} and k.company_id = c.id)) as m`;
}

export interface CompanyCountsInput {
  month: string;
  span: MonthSpan;
  rule: BillableRule;
  filter: CompanyCountFilter;
}

/** The month's rows the filter keeps, as `m`. */
function matching({ rule, filter }: CompanyCountsInput, after?: string): SQL {
  const conditions = [sql`true`];
  if (filter.withoutConnections !== undefined) conditions.push(sql`(m.connections = 0) = ${filter.withoutConnections}`);
  if (after !== undefined) conditions.push(sql`m.company_id > ${after}`);
  if (filter.billable !== undefined) conditions.push(sql`(${BILLABLE_COLUMN[rule]} > 0) = ${filter.billable}`);
  if (filter.platform) conditions.push(sql`${filter.platform} = any(m.platforms)`);
  return sql.join(conditions, sql` and `);
}

/**
 * Company rows with the company's name and merchant id (`source` yields `m`). When `source` is
 * already cut to a page or batch, each company is looked up by key (`offset 0` keeps the planner
 * from hashing every company instead).
 */
function withCompanies(rule: BillableRule, source: SQL, cut: boolean): SQL {
  const company = cut ? sql`lateral (select * from mirror_companies c where c.id = m.company_id offset 0) as c on true` : sql`mirror_companies c on c.id = m.company_id`;
  return sql`select m.company_id as id, c.name, c.merchant_id as "merchantId", coalesce(c.deleted_at is not null, true) as "companyDeleted",
      m.connections = 0 as "withoutConnections", m.connections, m.linked_at_month_end as "linkedAtMonthEnd", ${BILLABLE_COLUMN[rule]} as "billableConnections",
      m.sandbox_connections as "sandboxConnections", m.platforms, m.platform_names as "platformNames"
    from ${source} left join ${company}`;
}

/** Per-company connection counts for the month (as of its latest snapshot), paged. */
export async function companyCountsPage(
  db: Db,
  input: CompanyCountsInput & { start: number; end: number; sort?: { field: CompanyCountSortField; order: 'ASC' | 'DESC' } },
): Promise<{ records: CompanyCountRecord[]; total: number }> {
  const where = matching(input);
  const { field, order } = input.sort ?? { field: 'billableConnections', order: 'DESC' };
  const ordered = sql`order by ${sortKey(field, input.rule)} ${sql.raw(order === 'DESC' ? 'desc' : 'asc')} nulls last, m.company_id`;
  const page = sql`limit ${input.end - input.start + 1} offset ${input.start}`;
  // Sorted by a count, the page is cut from the month's rows before the names are joined: a
  // top-N sort of one table instead of a join and a sort of every company.
  const query =
    field === 'name'
      ? sql`${withCompanies(input.rule, monthCompanies(input.month, input.span), false)} where ${where} ${ordered} ${page}`
      : sql`${withCompanies(input.rule, sql`(with page as materialized (select * from ${monthCompanies(input.month, input.span)} where ${where} ${ordered} ${page}) select * from page) as m`, true)} ${ordered}`;
  const [records, [count]] = await Promise.all([
    rows<CompanyCountRecord>(db, query),
    rows<{ total: number }>(db, sql`select count(*)::int as total from ${monthCompanies(input.month, input.span)} where ${where}`),
  ]);
  return { records, total: count!.total };
}

/**
 * The same in company-id order after `after` (keyset), for the CSV export. Each batch reads the
 * next `limit` rows of mirror_company_months in key order, then only the companies without
 * connections up to the last of those: a bounded range per batch, so exporting every company
 * costs the same per batch at any fleet size.
 */
export function companyCountsBatch(db: Db, input: CompanyCountsInput, after: string | undefined, limit: number): Promise<CompanyCountRecord[]> {
  const { month, span } = input;
  const where = matching(input, after ?? '');
  const withoutConnections =
    span.firstTakenAt === null || span.lastTakenAt === null
      ? sql`select * from withConnections where false`
      : sql`select m.* from (select ${month}::text as month, c.id as company_id, 0 as connections, 0 as linked_at_month_end, 0 as billable_linked_any_time,
            0 as billable_linked_at_month_end, 0 as billable_linked_all_month, 0 as sandbox_connections, '{}'::text[] as platforms, '{}'::text[] as platform_names
          from mirror_companies c
          where c.id > ${after ?? ''} and c.id <= (select coalesce(bound.upper, (select max(id) from mirror_companies)) from bound)
            and coalesce(c.created_at, c.first_seen_at) <= ${span.lastTakenAt}::timestamptz and (c.deleted_at is null or c.deleted_at > ${span.firstTakenAt}::timestamptz)
            and not exists (select 1 from mirror_company_months k where k.month = ${month} and k.company_id = c.id)) as m
        where ${where} order by m.company_id limit ${limit}`;
  const batch = sql`(with withConnections as materialized (select * from mirror_company_months m where m.month = ${month} and ${where} order by m.company_id limit ${limit}),
      bound as (select case when count(*) = ${limit} then max(company_id) end as upper from withConnections)
    select * from (select * from withConnections union all (${withoutConnections})) as m order by m.company_id limit ${limit}) as m`;
  return rowsAsJson<CompanyCountRecord>(db, withCompanies(input.rule, batch, true), 'id');
}
