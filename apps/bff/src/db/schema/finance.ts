import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { time } from './columns.js';

/**
 * What Codat invoiced for a month (reports/reconcile.ts): a connection count, or the company or
 * connection ids Codat billed (uploaded as CSV, kept in finance_invoice_ids).
 */
export const financeInvoices = pgTable(
  'finance_invoices',
  {
    month: text('month').primaryKey(),
    /** `count`: only invoicedCount; `connections` / `companies`: the billed ids are listed. */
    kind: text('kind').notNull(),
    invoicedCount: integer('invoiced_count'),
    enteredById: uuid('entered_by_id'),
    enteredByEmail: text('entered_by_email'),
    enteredAt: time('entered_at').notNull(),
  },
  (table) => [check('finance_invoices_kind', sql`${table.kind} in ('count', 'connections', 'companies')`)],
);

export const financeInvoiceIds = pgTable(
  'finance_invoice_ids',
  {
    month: text('month').notNull(),
    id: text('id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.id] })],
);

/**
 * A closed month: its report, rule and reconciliation as they were when a finance user closed it.
 * The primary key makes closing race-free: of two closes of one month, exactly one inserts.
 */
export const financeMonthCloses = pgTable('finance_month_closes', {
  month: text('month').primaryKey(),
  rule: text('rule').notNull(),
  snapshotTakenAt: time('snapshot_taken_at').notNull(),
  closedById: uuid('closed_by_id'),
  closedByEmail: text('closed_by_email').notNull(),
  closedAt: time('closed_at').notNull(),
  report: jsonb('report').$type<Record<string, unknown>>().notNull(),
  reconciliation: jsonb('reconciliation').$type<Record<string, unknown>>(),
  /** `<count>:<md5 of the sorted billable connection ids>`: a later change to the underlying data shows as a different fingerprint. */
  billableFingerprint: text('billable_fingerprint').notNull(),
});

/**
 * A month's reconciliation against an id-list invoice as last computed (reports/reconcile.ts), and
 * what it was computed from: reused while the invoice, the month's report and the mirror are unchanged.
 */
export const financeReconciliations = pgTable(
  'finance_reconciliations',
  {
    month: text('month').notNull(),
    rule: text('rule').notNull(),
    /** The invoice's entry time, kind and number of ids, the month's snapshot, and the mirror's latest change. */
    inputs: text('inputs').notNull(),
    computedAt: time('computed_at').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.rule] })],
);
