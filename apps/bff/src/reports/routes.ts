import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { BffDeps } from '../deps.js';
import { badRequest } from '../http/api-error.js';
import { keysetBatches } from '../http/csv.js';
import { listQueryDoc } from '../http/params.js';
import { listResponse, parseListQuery } from '../http/simple-rest.js';
import { mirrorRefreshedAt, setRefreshedAt } from '../mirror/freshness.js';
import { mirrorRuntime } from '../mirror/runtime.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { auditedCsv } from './audited-export.js';
import { companyCountsBatch, companyCountsPage } from './company-counts.js';
import { storedConnectionCountsReport } from './stored-report.js';
import { duplicatesBatch, duplicatesPage } from './duplicates.js';
import { COMPANY_COUNT_COLUMNS, COUNT_COLUMNS, DUPLICATE_COLUMNS, duplicateRows } from './export-columns.js';
import { currentMonth, monthSchema } from './month.js';
import { snapshotSeries, seriesQuerySchema, seriesSchema } from './series.js';
import {
  COMPANY_COUNT_SORT_FIELDS,
  companyCountFilterSchema,
  companyCountRecordSchema,
  connectionCountsReportSchema,
  duplicateFilterSchema,
  duplicateRecordSchema,
  monthQuerySchema,
} from './schemas.js';

const EXPORT_NOTE = "Streamed CSV, no row limit; cells starting with = + - @ tab or CR are prefixed with '. Audited.";
const COMPANY_FILTER_DOC = '{ billable? (true: companies with a billable candidate), platform? }';
const DUPLICATE_FILTER_DOC = "{ reason? ('merchantId' | 'sameName' | 'samePlatform') }";

/** `?month=YYYY-MM`, the current UTC month when absent. */
function monthOf(c: Context, now: number): string {
  const parsed = monthQuerySchema.safeParse({ month: c.req.query('month') });
  if (!parsed.success) throw badRequest(`Invalid month: ${z.prettifyError(parsed.error)}`);
  return parsed.data.month ?? currentMonth(now);
}

/** Finance's reports from the mirror's daily snapshots, and their CSV exports. */
export function reportsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const { db } = deps;
  const rule = () => mirrorRuntime(deps).settings.billableRule;

  app.get('/connection-counts', async (c) => {
    const refreshedAt = await mirrorRefreshedAt(db);
    setRefreshedAt(c, refreshedAt);
    return c.json(await storedConnectionCountsReport(db, monthOf(c, deps.now()), rule(), refreshedAt));
  });

  app.get('/connection-counts/export', async (c) => {
    const month = monthOf(c, deps.now());
    const refreshedAt = await mirrorRefreshedAt(db);
    const report = storedConnectionCountsReport(db, month, rule(), refreshedAt);
    async function* batches() {
      const { rows, sandbox } = await report;
      yield [...rows, ...sandbox];
    }
    return auditedCsv(c, deps, { action: 'connection-counts.export', filename: `connection-counts-${month}`, columns: COUNT_COLUMNS, batches: batches(), details: { month, billableRule: rule() }, refreshedAt });
  });

  app.get('/connection-counts/series', async (c) => {
    const parsed = seriesQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw badRequest(`Invalid series query: ${z.prettifyError(parsed.error)}`);
    const refreshedAt = await mirrorRefreshedAt(db);
    setRefreshedAt(c, refreshedAt);
    return c.json({ refreshedAt, ...parsed.data, days: await snapshotSeries(db, parsed.data) });
  });

  const companyCounts = async (c: Context) => ({ month: monthOf(c, deps.now()), refreshedAt: await mirrorRefreshedAt(db) });

  app.get('/connection-counts/companies', async (c) => {
    const { filter, start, end, sort } = parseListQuery(c, companyCountFilterSchema, COMPANY_COUNT_SORT_FIELDS);
    const { month, refreshedAt } = await companyCounts(c);
    const page = await companyCountsPage(db, { month, rule: rule(), filter, start, end, sort });
    setRefreshedAt(c, refreshedAt);
    return listResponse(c, 'connection-counts/companies', start, page.records, page.total);
  });

  app.get('/connection-counts/companies/export', async (c) => {
    const { filter } = parseListQuery(c, companyCountFilterSchema, COMPANY_COUNT_SORT_FIELDS);
    const { month, refreshedAt } = await companyCounts(c);
    const input = { month, rule: rule(), filter };
    return auditedCsv(c, deps, {
      action: 'company-counts.export',
      filename: `connection-counts-companies-${month}`,
      columns: COMPANY_COUNT_COLUMNS,
      batches: keysetBatches((after: string | undefined, size) => companyCountsBatch(db, input, after, size), (row) => row.id),
      details: { month, filter, billableRule: rule() },
      refreshedAt,
    });
  });

  app.get('/possible-duplicates', async (c) => {
    const { filter, start, end } = parseListQuery(c, duplicateFilterSchema, ['id'] as const);
    const [page, refreshedAt] = await Promise.all([duplicatesPage(db, filter.reason, start, end), mirrorRefreshedAt(db)]);
    setRefreshedAt(c, refreshedAt);
    return listResponse(c, 'possible-duplicates', start, page.records, page.total);
  });

  app.get('/possible-duplicates/export', async (c) => {
    const { filter } = parseListQuery(c, duplicateFilterSchema, ['id'] as const);
    async function* batches() {
      for await (const groups of keysetBatches((after: { reason: string; key: string } | undefined, size) => duplicatesBatch(db, filter.reason, after, size), (g) => g, 500)) {
        yield duplicateRows(groups);
      }
    }
    return auditedCsv(c, deps, { action: 'possible-duplicates.export', filename: 'possible-duplicates', columns: DUPLICATE_COLUMNS, batches: batches(), details: { filter }, refreshedAt: await mirrorRefreshedAt(db) });
  });

  const monthQuery = z.object({ month: monthSchema.optional().describe('YYYY-MM; the current UTC month when absent.') });
  docs.add(
    {
      method: 'get',
      path: '/reports/connection-counts',
      tag: 'reports',
      summary:
        'Connection counts for a month from the daily snapshots: status × platform × source type, billable candidates (the rule is stated), sandbox apart, month-over-month new / lost / relinked, and the daily series.',
      query: monthQuery,
      response: connectionCountsReportSchema,
    },
    { method: 'get', path: '/reports/connection-counts/export', tag: 'reports', summary: `The report's rows (sandbox included, flagged). ${EXPORT_NOTE}`, query: monthQuery },
    { method: 'get', path: '/reports/connection-counts/series', tag: 'reports', summary: 'Connections per status per snapshot day over a range (for charts).', query: seriesQuerySchema, response: seriesSchema },
    {
      method: 'get',
      path: '/reports/connection-counts/companies',
      tag: 'reports',
      list: true,
      summary: `Per-company counts for the month (month query parameter). filter: ${COMPANY_FILTER_DOC}. sort: ${COMPANY_COUNT_SORT_FIELDS.join(', ')}.`,
      query: listQueryDoc(COMPANY_FILTER_DOC).extend(monthQuery.shape),
      response: z.array(companyCountRecordSchema),
    },
    { method: 'get', path: '/reports/connection-counts/companies/export', tag: 'reports', summary: `Every company's counts for the month. ${EXPORT_NOTE}`, query: listQueryDoc(COMPANY_FILTER_DOC).extend(monthQuery.shape) },
    {
      method: 'get',
      path: '/reports/possible-duplicates',
      tag: 'reports',
      list: true,
      summary: `Companies that may be one customer (same merchant id, same normalised name) and companies with several connections to one platform. filter: ${DUPLICATE_FILTER_DOC}.`,
      query: listQueryDoc(DUPLICATE_FILTER_DOC),
      response: z.array(duplicateRecordSchema),
    },
    { method: 'get', path: '/reports/possible-duplicates/export', tag: 'reports', summary: `One row per company per group. ${EXPORT_NOTE}`, query: listQueryDoc(DUPLICATE_FILTER_DOC) },
  );
  return app;
}
