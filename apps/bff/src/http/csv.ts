import type { Logger } from '../observability/logger.js';

export type CsvCell = string | number | boolean | Date | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text cells that a spreadsheet would run as a formula get a leading `'`, which spreadsheets show
 * as text. Numbers are the console's own and are written as they are.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell instanceof Date) return cell.toISOString();
  const text = neutraliseCell(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 line, CRLF-terminated. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(cellText).join(',')}\r\n`;
}

export interface CsvExport<Row> {
  /** Without the extension; `.csv` is added. Letters, digits, `-` and `_` only. */
  filename: string;
  columns: readonly CsvColumn<Row>[];
  /** Rows in batches (a keyset-paged query, say), so an export of any size runs in constant memory. */
  batches: AsyncIterable<readonly Row[]>;
  /** Lines written as `# …` comment rows before the header: what the rows are (report, rule, snapshot). */
  preamble?: readonly string[];
  logger: Logger;
}

/**
 * A streamed CSV download: a UTF-8 BOM (so Excel reads accents), the preamble's comment rows, the header line, then one batch
 * at a time as the client reads. A failure mid-stream can no longer change the status, so it
 * aborts the download (the client sees a truncated transfer, not a short file that looks whole).
 */
export function csvResponse<Row>({ filename, columns, batches, preamble = [], logger }: CsvExport<Row>): Response {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const comments = preamble.map((line) => csvLine([`# ${line}`])).join('');
        controller.enqueue(encoder.encode(`\uFEFF${comments}${csvLine(columns.map((column) => column.header))}`));
        return;
      }
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((row) => csvLine(columns.map((column) => column.value(row)))).join('')));
      } catch (error) {
        logger.error({ err: error instanceof Error ? { message: error.message } : error, filename }, 'CSV export failed mid-stream');
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w-]/g, '_')}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * Batches from a keyset-paged source: `fetch(after)` returns up to `size` rows after the cursor;
 * the walk ends on a short batch. Works the same on PGlite and PostgreSQL (no server cursors).
 * The next batch is read while the current one is written out (two batches in memory at most).
 */
export async function* keysetBatches<Row, Cursor>(
  fetch: (after: Cursor | undefined, size: number) => Promise<Row[]>,
  cursorOf: (row: Row) => Cursor,
  size = 2000,
): AsyncGenerator<Row[], void, undefined> {
  let next = fetch(undefined, size);
  for (;;) {
    const rows = await next;
    if (rows.length === size) {
      next = fetch(cursorOf(rows[rows.length - 1]!), size);
      // A download stopped meanwhile leaves this read unawaited: its failure is nobody's to report.
      next.catch(() => undefined);
    }
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}
