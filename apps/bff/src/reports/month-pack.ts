import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { CsvColumn } from '../http/csv.js';
import { keysetBatches } from '../http/csv.js';
import { rows, rowsAsJson, withLargeWorkMem } from '../mirror/db/sql.js';
import { companyCountsBatch, type MonthSpan } from './company-counts.js';
import type { MonthClose } from './month-close.js';
import { changesBatch, type ChangeCursor, type ChangeDays } from './month-changes.js';
import { billableSet, differenceRows, type ReconcileMonth } from './reconcile.js';

/** One row of a closed month's pack: every section shares these columns. */
export interface PackRow {
  section: string;
  id: string | null;
  companyId?: string | null;
  companyName?: string | null;
  platformName?: string | null;
  status?: string | null;
  value?: number | null;
  detail?: string | null;
}

export const PACK_COLUMNS: CsvColumn<PackRow>[] = [
  { header: 'section', value: (r) => r.section },
  { header: 'id', value: (r) => r.id },
  { header: 'companyId', value: (r) => r.companyId },
  { header: 'companyName', value: (r) => r.companyName },
  { header: 'platformName', value: (r) => r.platformName },
  { header: 'status', value: (r) => r.status },
  { header: 'value', value: (r) => r.value },
  { header: 'detail', value: (r) => r.detail },
];

/**
 * Rows per query: the pack reads every company and billable connection of a month (hundreds of
 * thousands at 100,000 companies), so fewer, larger batches; a batch of this size is a few MB.
 */
const PACK_BATCH_ROWS = 10_000;

export interface PackInput {
  close: MonthClose;
  span: MonthSpan;
  days: ChangeDays;
  reconcile: ReconcileMonth;
}

/**
 * A closed month as one CSV, section after section: the frozen summary, counts and reconciliation
 * totals, then every company, billable connection, change and reconciliation difference, each
 * streamed in keyset batches (flat memory at any fleet size). A batch of changes or differences
 * hashes whole months or the invoice's ids: 32 MB work_mem keeps that off temporary files.
 */
export async function* monthPack(db: Db, { close, span, days, reconcile }: PackInput): AsyncGenerator<PackRow[]> {
  const { report, reconciliation } = close;
  yield Object.entries(report.totals ?? {}).map(([key, value]) => ({ section: 'summary', id: key, value }));
  yield [...report.rows, ...report.sandbox].map((row) => ({
    section: row.sandbox ? 'counts-sandbox' : 'counts',
    id: `${row.platformKey ?? ''}|${row.sourceType}`,
    platformName: row.platformName,
    status: row.status,
    value: row.connections,
    detail: `${row.companies} companies, ${row.billableConnections} billable`,
  }));
  if (reconciliation) {
    yield [
      { section: 'reconciliation', id: 'console-connections', value: reconciliation.console.connections },
      { section: 'reconciliation', id: 'console-companies', value: reconciliation.console.companies },
      { section: 'reconciliation', id: `invoice-${reconciliation.invoice?.kind ?? 'none'}`, value: reconciliation.invoice?.invoicedCount ?? reconciliation.invoice?.ids ?? null },
      { section: 'reconciliation', id: 'difference', value: reconciliation.difference },
    ];
  }
  const companyInput = { month: close.month, span, rule: reconcile.rule, filter: {} };
  for await (const batch of keysetBatches((after: string | undefined, size) => companyCountsBatch(db, companyInput, after, size), (row) => row.id, PACK_BATCH_ROWS)) {
    yield batch.map((c) => ({
      section: 'company',
      id: c.id,
      companyId: c.id,
      companyName: c.name,
      platformName: c.platformNames.join('; '),
      status: c.companyDeleted ? 'deleted' : c.withoutConnections ? 'without connections' : null,
      value: c.billableConnections,
      detail: `${c.connections} connections, ${c.sandboxConnections} sandbox`,
    }));
  }
  const billable = (after: string | undefined, size: number) =>
    rowsAsJson<PackRow>(
      db,
      sql`select 'billable-connection' as section, b.connection_id as id, b.company_id as "companyId", c.name as "companyName", b.platform_name as "platformName",
            b.last_status as status, b.days_linked as value, 'Linked on ' || b.days_linked || ' of ' || b.days_seen || ' snapshots; last seen ' || b.last_day as detail
          from ${billableSet(reconcile)} left join mirror_companies c on c.id = b.company_id
          where b.connection_id > ${after ?? ''} order by b.connection_id limit ${size}`,
      'id',
    );
  yield* keysetBatches(billable, (row) => row.id!, PACK_BATCH_ROWS);
  for await (const batch of keysetBatches((after: ChangeCursor | undefined, size) => withLargeWorkMem(db, (tx) => changesBatch(tx, days, {}, after, size)), ({ id, kind }) => ({ id, kind }), PACK_BATCH_ROWS)) {
    yield batch.map((c) => ({ section: `change-${c.kind}`, id: c.id, companyId: c.companyId, companyName: c.companyName, platformName: c.platformName, status: c.toStatus, detail: c.fromStatus }));
  }
  const kind = reconciliation?.invoice?.kind;
  if (kind === 'connections' || kind === 'companies') {
    // Both sides from one join of the month with the invoice per batch: consoleNotInvoiced, then invoicedNotConsole.
    const differences = (after: { section: string; id: string } | undefined, size: number) =>
      withLargeWorkMem(db, (tx) =>
        rows<PackRow>(
          tx,
          sql`select d.side as section, d.id, d.company_name as "companyName", d.platform_name as "platformName", d.reason as detail
              from ${differenceRows(reconcile, kind)} where (d.side, d.id) > (${after?.section ?? ''}, ${after?.id ?? ''})
              order by d.side, d.id limit ${size}`,
        ),
      );
    yield* keysetBatches(differences, ({ section, id }) => ({ section, id: id! }), PACK_BATCH_ROWS);
  }
}
