import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { financeReconciliations } from '../db/schema/finance.js';
import { changesVersion } from '../mirror/freshness.js';
import { rows, withLargeWorkMem } from '../mirror/db/sql.js';
import { billablePredicate, type BillableRule } from './billable-rule.js';
import { storedConnectionCountsReport } from './stored-report.js';

export const INVOICE_KINDS = ['count', 'connections', 'companies'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const invoiceInputSchema = z
  .strictObject({
    kind: z.enum(INVOICE_KINDS).describe('count: only the invoiced number; connections / companies: the billed ids follow (POST …/invoice/ids)'),
    invoicedCount: z.number().int().min(0).max(100_000_000).optional(),
  })
  .refine((input) => input.kind !== 'count' || input.invoicedCount !== undefined, 'an invoice of kind count needs invoicedCount');

const CODAT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MAX_IDS_PER_REQUEST = 5000;
export const invoiceIdsSchema = z.strictObject({
  ids: z
    .array(z.string().trim().toLowerCase().regex(CODAT_ID, 'each id is a Codat company or connection id (a UUID)'))
    .min(1)
    .max(MAX_IDS_PER_REQUEST),
});

export interface ReconcileMonth {
  month: string;
  rule: BillableRule;
  /** The month's last snapshot day. */
  lastDay: string;
}

/** The month's billable connections under the rule, as `b` (connection_id, company_id, platform_name, last_day, last_status, days_seen, days_linked). */
export function billableSet({ month, rule, lastDay }: ReconcileMonth): SQL {
  return sql`(select m.connection_id, m.company_id, m.platform_name, m.last_day, m.last_status, m.days_seen, m.days_linked
    from mirror_connection_months m where m.month = ${month} and ${billablePredicate(rule, lastDay)}) as b`;
}

/** `<count>:<md5 of the sorted ids>`: what a closed month compares with the data now. */
export async function billableFingerprint(db: Db, input: ReconcileMonth): Promise<string> {
  const [row] = await rows<{ fingerprint: string }>(
    db,
    sql`select count(*)::int || ':' || coalesce(md5(string_agg(b.connection_id, ',' order by b.connection_id)), '') as fingerprint from ${billableSet(input)}`,
  );
  return row!.fingerprint;
}

export const differenceRowSchema = z.object({
  /** A connection or company id, per the invoice's kind. */
  id: z.string(),
  companyName: z.string().nullable(),
  platformName: z.string().nullable(),
  reason: z.string(),
});
export type DifferenceRow = z.infer<typeof differenceRowSchema>;

const sideSchema = z.object({ total: z.number(), byReason: z.array(z.object({ reason: z.string(), count: z.number() })), sample: z.array(differenceRowSchema) });

export const reconciliationSchema = z.object({
  month: z.string(),
  rule: z.string(),
  invoice: z.object({ kind: z.enum(INVOICE_KINDS), invoicedCount: z.number().nullable(), ids: z.number(), enteredAt: z.string(), enteredByEmail: z.string().nullable() }).nullable(),
  console: z.object({ connections: z.number(), companies: z.number() }),
  /** The console's count minus the invoice's, at the invoice's level (companies for a company list, else connections). */
  difference: z.number().nullable(),
  /** Billable in the console, not on the invoice (id lists only). */
  consoleNotInvoiced: sideSchema.nullable(),
  /** On the invoice, not billable in the console, each with why. */
  invoicedNotConsole: sideSchema.nullable(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

const SAMPLE = 100;

export type DifferenceSide = 'consoleNotInvoiced' | 'invoicedNotConsole';

/**
 * Every id on one side of the difference only, as `d` (`side`, `id`, `company_name`,
 * `platform_name`, `reason`), ids after `after` (keyset; '' for all). One full join of the
 * month's billable set with the invoice's ids (both read once, whatever their sizes), then the
 * reason looked up for the differing ids alone.
 */
export function differenceRows(input: ReconcileMonth, kind: 'connections' | 'companies', after = ''): SQL {
  const { month, lastDay } = input;
  const invoiced = sql`(select i.id from finance_invoice_ids i where i.month = ${month} and i.id > ${after}) as i`;
  const side = (consoleId: SQL) => sql`case when i.id is null then 'consoleNotInvoiced' else 'invoicedNotConsole' end as side, coalesce(${consoleId}, i.id) as id`;
  if (kind === 'connections') {
    return sql`(select x.side, x.id, c.name as company_name, coalesce(m.platform_name, k.platform_name) as platform_name,
        case when x.side = 'consoleNotInvoiced' then
               case when m.last_day = ${lastDay}::date and m.last_status = 'Linked' then 'Linked on the last snapshot'
                    when m.last_day < ${lastDay}::date then 'Linked during the month, gone before its last snapshot'
                    else 'Linked during the month, ' || m.last_status || ' on the last snapshot' end
             when m.connection_id is not null and m.sandbox then 'A sandbox integration: never billable'
             when m.connection_id is not null then 'Not billable under the rule: ' || m.last_status || ' on ' || m.last_day || ', Linked on ' || m.days_linked || ' of ' || m.days_seen || ' snapshots'
             when k.id is not null then 'Not on any snapshot of the month'
             else 'Unknown to the console (not in the mirror)' end as reason
      from (select ${side(sql`b.connection_id`)}
            from (select b.connection_id from ${billableSet(input)} where b.connection_id > ${after}) as b full join ${invoiced} on i.id = b.connection_id
            where b.connection_id is null or i.id is null) as x
      left join mirror_connection_months m on m.month = ${month} and m.connection_id = x.id
      left join mirror_connections k on k.id = x.id
      left join mirror_companies c on c.id = coalesce(m.company_id, k.company_id)) as d`;
  }
  return sql`(select x.side, x.id, c.name as company_name, null::text as platform_name,
      case when x.side = 'consoleNotInvoiced' then 'Has ' || x.connections || ' billable connection(s)'
           when exists (select 1 from mirror_connection_months m where m.month = ${month} and m.company_id = x.id) then 'No billable connection under the rule this month'
           when c.id is not null then 'No connection on any snapshot of the month'
           else 'Unknown to the console (not in the mirror)' end as reason
    from (select ${side(sql`b.company_id`)}, b.connections
          from (select b.company_id, count(*)::int as connections from ${billableSet(input)} where b.company_id > ${after} group by b.company_id) as b
          full join ${invoiced} on i.id = b.company_id
          where b.company_id is null or i.id is null) as x
    left join mirror_companies c on c.id = x.id) as d`;
}

type Side = z.infer<typeof sideSchema>;

/** Both sides of the difference from one pass: how many ids per reason, and the first ids of each. */
async function sides(db: Db, input: ReconcileMonth, kind: 'connections' | 'companies'): Promise<Record<DifferenceSide, Side>> {
  const found = await withLargeWorkMem(db, (tx) => rows<DifferenceRow & { row: 'reason' | 'sample'; side: DifferenceSide; count: number | null }>(
    tx,
    sql`with d as materialized (select * from ${differenceRows(input, kind)})
        select 'reason' as row, d.side, d.reason, count(*)::int as count, null as id, null as "companyName", null as "platformName" from d group by d.side, d.reason
        union all
        select 'sample', s.side, s.reason, null, s.id, s.company_name, s.platform_name
        from (select d.*, row_number() over (partition by d.side order by d.id) as n from d) as s where s.n <= ${SAMPLE}
        order by row, side, count desc, id`,
  ));
  const of = (side: DifferenceSide): Side => {
    const byReason = found.filter((r) => r.row === 'reason' && r.side === side).map(({ reason, count }) => ({ reason, count: count! }));
    const sample = found.filter((r) => r.row === 'sample' && r.side === side).map(({ id, companyName, platformName, reason }) => ({ id, companyName, platformName, reason }));
    return { total: byReason.reduce((sum, r) => sum + r.count, 0), byReason, sample };
  };
  return { consoleNotInvoiced: of('consoleNotInvoiced'), invoicedNotConsole: of('invoicedNotConsole') };
}

/**
 * Explaining an id-list invoice joins the month's billable connections with every billed id
 * (0.3–0.6 s at 100,000 companies), and the month page asks on every open: the explanation is kept
 * with what it was computed from, and computed again once any of that changes.
 */
async function keptSides(db: Db, input: ReconcileMonth, kind: 'connections' | 'companies', inputs: string): Promise<Record<DifferenceSide, Side>> {
  const where = and(eq(financeReconciliations.month, input.month), eq(financeReconciliations.rule, input.rule));
  const [kept] = await db.select().from(financeReconciliations).where(where);
  if (kept?.inputs === inputs) return kept.body as unknown as Record<DifferenceSide, Side>;
  const computed = await sides(db, input, kind);
  const row = { month: input.month, rule: input.rule, inputs, computedAt: new Date(), body: computed as unknown as Record<string, unknown> };
  await db
    .insert(financeReconciliations)
    .values(row)
    .onConflictDoUpdate({ target: [financeReconciliations.month, financeReconciliations.rule], set: { inputs, computedAt: row.computedAt, body: row.body } });
  return computed;
}

/** The console's billable count against what Codat invoiced, explained both ways when the invoice lists ids. */
export async function reconcile(db: Db, input: ReconcileMonth): Promise<Reconciliation> {
  const [[invoice], report, mirrorVersion] = await Promise.all([
    rows<{ kind: InvoiceKind; invoicedCount: number | null; ids: number; enteredAt: string; enteredByEmail: string | null }>(
      db,
      sql`select kind, invoiced_count as "invoicedCount", (select count(*)::int from finance_invoice_ids i where i.month = f.month) as ids,
          to_char(entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "enteredAt", entered_by_email as "enteredByEmail"
        from finance_invoices f where month = ${input.month}`,
    ),
    // The month's billable totals under the rule, as its kept report counted them (not counted again).
    storedConnectionCountsReport(db, input.month, input.rule),
    changesVersion(db),
  ]);
  const counts = { connections: report.totals?.billableConnections ?? 0, companies: report.totals?.billableCompanies ?? 0 };
  const base = { month: input.month, rule: input.rule, invoice: invoice ?? null, console: counts };
  if (!invoice) return { ...base, difference: null, consoleNotInvoiced: null, invoicedNotConsole: null };
  const invoiced = invoice.kind === 'count' ? invoice.invoicedCount! : invoice.ids;
  const consoleCount = invoice.kind === 'companies' ? counts.companies : counts.connections;
  if (invoice.kind === 'count') return { ...base, difference: consoleCount - invoiced, consoleNotInvoiced: null, invoicedNotConsole: null };
  // The invoice (replaced or added to), the month's snapshot (each sync takes or restamps one: names
  // come from the mirror, so a rename shows after the next sync), and the mirror's latest change.
  const inputs = JSON.stringify([invoice.enteredAt, invoice.kind, invoice.ids, report.refreshedAt, mirrorVersion]);
  return { ...base, difference: consoleCount - invoiced, ...(await keptSides(db, input, invoice.kind, inputs)) };
}
