import type { Context } from 'hono';
import { audit, type AuditTarget } from '../audit/index.js';
import type { BffDeps } from '../deps.js';
import { csvResponse, type CsvColumn } from '../http/csv.js';
import { REFRESHED_AT_HEADER } from '../mirror/freshness.js';

export interface AuditedExport<Row> {
  /** `<area>.export` in the audit log. */
  action: string;
  filename: string;
  columns: readonly CsvColumn<Row>[];
  batches: AsyncIterable<readonly Row[]>;
  /** What was exported (filters, month, …), for the audit entry. */
  details: Record<string, unknown>;
  target?: AuditTarget;
  refreshedAt: string | null;
  /** Comment rows before the header naming the rule and snapshot the rows come from. */
  preamble?: readonly string[];
}

/**
 * A mirror export: the audit entry is written first (no entry, no file: a 503), then the CSV
 * streams in batches with no row limit.
 */
export async function auditedCsv<Row>(c: Context, deps: BffDeps, input: AuditedExport<Row>): Promise<Response> {
  await audit(c).record({ action: input.action, outcome: 'ok', target: input.target, details: { ...input.details, refreshedAt: input.refreshedAt } });
  const response = csvResponse({ filename: input.filename, columns: input.columns, batches: input.batches, preamble: input.preamble, logger: deps.logger });
  response.headers.set(REFRESHED_AT_HEADER, input.refreshedAt ?? 'never');
  return response;
}
