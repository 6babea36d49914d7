import { and, asc, gt, lte, max } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { auditEvents } from '../../db/schema/index.js';
import { csvResponse, keysetBatches, type CsvColumn } from '../../http/csv.js';
import type { Logger } from '../../observability/logger.js';
import { auditEventCondition } from './query.js';
import type { AuditEventFilter } from './schemas.js';
import { AUDIT_CSV_COLUMNS, type AuditEventRow } from './to-record.js';

/** Rows read per query: memory stays flat however many rows the range holds. */
export const EXPORT_BATCH_ROWS = 1000;

const COLUMNS: CsvColumn<AuditEventRow>[] = AUDIT_CSV_COLUMNS.map((column) => ({
  header: column,
  value: (row) => (column === 'details' ? (row.details ? JSON.stringify(row.details) : null) : row[column]),
}));

/** The newest entry now: an export stops there, so entries written while it streams don't extend it. */
export async function latestAuditEventId(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return Number(row?.id ?? 0);
}

/**
 * Every entry matching `filter` up to `upToId`, oldest first, as a CSV download. Batches are
 * read by id (keyset paging) as the client reads, so a slow download holds one batch at a time.
 */
export function auditEventsCsv(db: Db, filter: AuditEventFilter, upToId: number, logger: Logger): Response {
  const condition = auditEventCondition(filter);
  const batches = keysetBatches<AuditEventRow, number>(
    (afterId, size) =>
      db
        .select()
        .from(auditEvents)
        .where(and(condition, gt(auditEvents.id, afterId ?? 0), lte(auditEvents.id, upToId)))
        .orderBy(asc(auditEvents.id))
        .limit(size),
    (row) => row.id,
    EXPORT_BATCH_ROWS,
  );
  return csvResponse({ filename: `audit-events-${new Date().toISOString().slice(0, 19)}`, columns: COLUMNS, batches, logger });
}
