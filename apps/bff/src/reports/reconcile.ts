import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { rows } from '../mirror/db/sql.js';
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

/** Rows (`id`, `company_name`, `platform_name`, `reason`) of each side of the difference, as `d`. */
export function differenceRows(input: ReconcileMonth, kind: 'connections' | 'companies', side: 'consoleNotInvoiced' | 'invoicedNotConsole'): SQL {
  const notInvoiced = (id: SQL) => sql`not exists (select 1 from finance_invoice_ids i where i.month = ${input.month} and i.id = ${id})`;
  if (kind === 'connections') {
    if (side === 'consoleNotInvoiced') {
      return sql`(select b.connection_id as id, c.name as company_name, b.platform_name,
          case when b.last_day = ${input.lastDay}::date and b.last_status = 'Linked' then 'Linked on the last snapshot'
               when b.last_day < ${input.lastDay}::date then 'Linked during the month, gone before its last snapshot'
               else 'Linked during the month, ' || b.last_status || ' on the last snapshot' end as reason
        from ${billableSet(input)} left join mirror_companies c on c.id = b.company_id
        where ${notInvoiced(sql`b.connection_id`)}) as d`;
    }
    return sql`(select i.id, c.name as company_name, coalesce(m.platform_name, k.platform_name) as platform_name,
        case when m.connection_id is not null and m.sandbox then 'A sandbox integration: never billable'
             when m.connection_id is not null then 'Not billable under the rule: ' || m.last_status || ' on ' || m.last_day || ', Linked on ' || m.days_linked || ' of ' || m.days_seen || ' snapshots'
             when k.id is not null then 'Not on any snapshot of the month'
             else 'Unknown to the console (not in the mirror)' end as reason
      from finance_invoice_ids i
      left join mirror_connection_months m on m.month = ${input.month} and m.connection_id = i.id
      left join mirror_connections k on k.id = i.id
      left join mirror_companies c on c.id = coalesce(m.company_id, k.company_id)
      where i.month = ${input.month} and not exists (select 1 from ${billableSet(input)} where b.connection_id = i.id)) as d`;
  }
  const billableCompanies = sql`(select b.company_id, count(*)::int as connections from ${billableSet(input)} group by b.company_id)`;
  if (side === 'consoleNotInvoiced') {
    return sql`(select bc.company_id as id, c.name as company_name, null::text as platform_name,
        'Has ' || bc.connections || ' billable connection(s)' as reason
      from ${billableCompanies} bc left join mirror_companies c on c.id = bc.company_id
      where ${notInvoiced(sql`bc.company_id`)}) as d`;
  }
  return sql`(select i.id, c.name as company_name, null::text as platform_name,
      case when exists (select 1 from mirror_connection_months m where m.month = ${input.month} and m.company_id = i.id) then 'No billable connection under the rule this month'
           when c.id is not null then 'No connection on any snapshot of the month'
           else 'Unknown to the console (not in the mirror)' end as reason
    from finance_invoice_ids i left join mirror_companies c on c.id = i.id
    where i.month = ${input.month} and not exists (select 1 from ${billableSet(input)} where b.company_id = i.id)) as d`;
}

async function side(db: Db, source: SQL): Promise<z.infer<typeof sideSchema>> {
  const [byReason, sample] = await Promise.all([
    rows<{ reason: string; count: number }>(db, sql`select d.reason, count(*)::int as count from ${source} group by d.reason order by count(*) desc`),
    rows<DifferenceRow>(db, sql`select d.id, d.company_name as "companyName", d.platform_name as "platformName", d.reason from ${source} order by d.id limit ${SAMPLE}`),
  ]);
  return { total: byReason.reduce((sum, r) => sum + r.count, 0), byReason, sample };
}

/** The console's billable count against what Codat invoiced, explained both ways when the invoice lists ids. */
export async function reconcile(db: Db, input: ReconcileMonth): Promise<Reconciliation> {
  const [[invoice], report] = await Promise.all([
    rows<{ kind: InvoiceKind; invoicedCount: number | null; ids: number; enteredAt: string; enteredByEmail: string | null }>(
      db,
      sql`select kind, invoiced_count as "invoicedCount", (select count(*)::int from finance_invoice_ids i where i.month = f.month) as ids,
          to_char(entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "enteredAt", entered_by_email as "enteredByEmail"
        from finance_invoices f where month = ${input.month}`,
    ),
    // The month's billable totals under the rule, as its kept report counted them (not counted again).
    storedConnectionCountsReport(db, input.month, input.rule),
  ]);
  const counts = { connections: report.totals?.billableConnections ?? 0, companies: report.totals?.billableCompanies ?? 0 };
  const base = { month: input.month, rule: input.rule, invoice: invoice ?? null, console: counts };
  if (!invoice) return { ...base, difference: null, consoleNotInvoiced: null, invoicedNotConsole: null };
  const invoiced = invoice.kind === 'count' ? invoice.invoicedCount! : invoice.ids;
  const consoleCount = invoice.kind === 'companies' ? counts.companies : counts.connections;
  if (invoice.kind === 'count') return { ...base, difference: consoleCount - invoiced, consoleNotInvoiced: null, invoicedNotConsole: null };
  const [consoleNotInvoiced, invoicedNotConsole] = await Promise.all([
    side(db, differenceRows(input, invoice.kind, 'consoleNotInvoiced')),
    side(db, differenceRows(input, invoice.kind, 'invoicedNotConsole')),
  ]);
  return { ...base, difference: consoleCount - invoiced, consoleNotInvoiced, invoicedNotConsole };
}
