import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { BffDeps } from '../deps.js';
import { badRequest, conflict } from '../http/api-error.js';
import { keysetBatches } from '../http/csv.js';
import { listQueryDoc } from '../http/params.js';
import { listResponse, parseListQuery } from '../http/simple-rest.js';
import { mirrorRefreshedAt, setRefreshedAt } from '../mirror/freshness.js';
import { mirrorRuntime } from '../mirror/runtime.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { auditedCsv } from './audited-export.js';
import { companyCountsBatch, companyCountsPage, type MonthSpan } from './company-counts.js';
import { snapshotSpan, takenBetween } from './connection-counts.js';
import { shownConnectionCountsReport } from './stored-report.js';
import { duplicatesBatch, duplicatesPage } from './duplicates.js';
import { CHANGE_COLUMNS, COMPANY_COUNT_COLUMNS, COUNT_COLUMNS, DUPLICATE_COLUMNS, duplicateRows } from './export-columns.js';
import { describeRule } from './billable-rule.js';
import { monthPreamble } from './export-preamble.js';
import { monthRoutes } from './month-routes.js';
import { connectionTrend, TREND_MONTHS, trendMonthSchema } from './trend.js';
import { previousMonth } from './month.js';
import { changeFilterSchema, changeRecordSchema, changesBatch, changesPage, type ChangeCursor, type ChangeDays } from './month-changes.js';
import { reportQuery, reportQuerySchema, type ReportQuery } from './report-query.js';
import { snapshotSeries, seriesQuerySchema, seriesSchema } from './series.js';
import {
  COMPANY_COUNT_SORT_FIELDS,
  companyCountFilterSchema,
  companyCountRecordSchema,
  connectionCountsReportSchema,
  duplicateFilterSchema,
  duplicateRecordSchema,
  type ConnectionCountsReport,
} from './schemas.js';

const EXPORT_NOTE = "Streamed CSV, no row limit; cells starting with = + - @ tab or CR are prefixed with '. Audited.";
const COMPANY_FILTER_DOC = '{ billable? (true: companies with a billable candidate), platform? }';
const CHANGE_FILTER_DOC = "{ kind? ('new' | 'lost' | 'relinked'), platform? }";
const DUPLICATE_FILTER_DOC = "{ reason? ('merchantId' | 'sameName' | 'samePlatform') }";

/** Finance's reports from the mirror's daily snapshots, and their CSV exports. */
export function reportsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const { db } = deps;
  const query = (c: Context) => reportQuery(c, deps.now(), mirrorRuntime(deps).settings.billableRule);

  /** The month's report under the requested rule, as of its latest snapshot (the one before, or none, while the sync still makes it). */
  async function monthReport(c: Context): Promise<{ query: ReportQuery; report: ConnectionCountsReport; span: MonthSpan }> {
    const q = query(c);
    const [shown, mirrorSyncedAt, span] = await Promise.all([shownConnectionCountsReport(db, q.month, q.rule), mirrorRefreshedAt(db), snapshotSpan(db, q.month)]);
    setRefreshedAt(c, mirrorSyncedAt);
    return { query: q, report: { ...shown, mirrorSyncedAt, inProgress: q.inProgress }, span: takenBetween(span) };
  }

  /** As monthReport, for an export that states the month's figures: refused until they are made. */
  async function madeMonthReport(c: Context): ReturnType<typeof monthReport> {
    const made = await monthReport(c);
    const { month, beingMade, snapshots } = made.report;
    if (beingMade) throw conflict(`The figures of ${month} are still being made from the snapshot taken at ${snapshots?.takenAt}; export them when the report shows them.`, { month, snapshotTakenAt: snapshots?.takenAt });
    return made;
  }

  app.get('/connection-counts', async (c) => c.json((await monthReport(c)).report));

  app.get('/connection-counts/export', async (c) => {
    const { query: q, report } = await madeMonthReport(c);
    async function* batches() {
      yield [...report.rows, ...report.sandbox];
    }
    return auditedCsv(c, deps, {
      action: 'connection-counts.export',
      filename: `connection-counts-${q.month}`,
      columns: COUNT_COLUMNS,
      batches: batches(),
      details: { month: q.month, billableRule: q.rule, snapshotTakenAt: report.refreshedAt },
      refreshedAt: report.mirrorSyncedAt,
      preamble: monthPreamble(report, q.rule, 'connections by status on the latest snapshot (Deleted: gone before it) × platform × source type; sandbox rows flagged, never billable'),
    });
  });

  app.get('/connection-counts/trend', async (c) => {
    const q = query(c);
    const mirrorSyncedAt = await mirrorRefreshedAt(db);
    setRefreshedAt(c, mirrorSyncedAt);
    return c.json({ to: q.month, billableRule: describeRule(q.rule), mirrorSyncedAt, months: await connectionTrend(db, q.month, q.rule) });
  });

  app.get('/connection-counts/series', async (c) => {
    const parsed = seriesQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw badRequest(`Invalid series query: ${z.prettifyError(parsed.error)}`);
    const refreshedAt = await mirrorRefreshedAt(db);
    setRefreshedAt(c, refreshedAt);
    return c.json({ refreshedAt, ...parsed.data, days: await snapshotSeries(db, parsed.data) });
  });

  app.get('/connection-counts/companies', async (c) => {
    const { filter, start, end, sort } = parseListQuery(c, companyCountFilterSchema, COMPANY_COUNT_SORT_FIELDS);
    const q = query(c);
    const [span, refreshedAt] = await Promise.all([snapshotSpan(db, q.month), mirrorRefreshedAt(db)]);
    const page = await companyCountsPage(db, { month: q.month, span: takenBetween(span), rule: q.rule, filter, start, end, sort });
    setRefreshedAt(c, refreshedAt);
    return listResponse(c, 'connection-counts/companies', start, page.records, page.total);
  });

  app.get('/connection-counts/companies/export', async (c) => {
    const { filter } = parseListQuery(c, companyCountFilterSchema, COMPANY_COUNT_SORT_FIELDS);
    const { query: q, report, span } = await madeMonthReport(c);
    const input = { month: q.month, span, rule: q.rule, filter };
    const filtered = Object.keys(filter).length > 0 ? ` filtered by ${JSON.stringify(filter)}` : '';
    return auditedCsv(c, deps, {
      action: 'company-counts.export',
      filename: `connection-counts-companies-${q.month}`,
      columns: COMPANY_COUNT_COLUMNS,
      batches: keysetBatches((after: string | undefined, size) => companyCountsBatch(db, input, after, size), (row) => row.id),
      details: { month: q.month, filter, billableRule: q.rule, snapshotTakenAt: report.refreshedAt },
      refreshedAt: report.mirrorSyncedAt,
      preamble: monthPreamble(
        report,
        q.rule,
        `every company of the month${filtered} (${report.totals?.companiesInMonth ?? 0} unfiltered, of which ${report.totals?.companiesInMonthWithoutConnections ?? 0} without connections, marked withoutConnections=true)`,
      ),
    });
  });

  /** The month's and the previous month's last snapshot days, for the lists behind the changes. */
  async function changeDays(c: Context): Promise<{ query: ReportQuery; days: ChangeDays | null; report: ConnectionCountsReport }> {
    const { query: q, report } = await monthReport(c);
    const lastDay = report.snapshots?.lastDay;
    if (!lastDay) return { query: q, days: null, report };
    const { lastDay: previousLastDay } = await snapshotSpan(db, previousMonth(q.month));
    return { query: q, days: { month: q.month, lastDay, previousLastDay }, report };
  }

  app.get('/connection-counts/changes', async (c) => {
    const { filter, start, end } = parseListQuery(c, changeFilterSchema, ['id'] as const);
    const { days } = await changeDays(c);
    const page = days ? await changesPage(db, days, filter, start, end) : { records: [], total: 0 };
    return listResponse(c, 'connection-counts/changes', start, page.records, page.total);
  });

  app.get('/connection-counts/changes/export', async (c) => {
    const { filter } = parseListQuery(c, changeFilterSchema, ['id'] as const);
    const { query: q, days, report } = await changeDays(c);
    const batches = days
      ? keysetBatches((after: ChangeCursor | undefined, size) => changesBatch(db, days, filter, after, size), ({ id, kind }) => ({ id, kind }))
      : (async function* () {})();
    return auditedCsv(c, deps, {
      action: 'connection-changes.export',
      filename: `connection-changes-${filter.kind ?? 'all'}-${q.month}`,
      columns: CHANGE_COLUMNS,
      batches,
      details: { month: q.month, filter, snapshotTakenAt: report.refreshedAt },
      refreshedAt: report.mirrorSyncedAt,
      preamble: monthPreamble(report, q.rule, `${filter.kind ?? 'new, lost and relinked'} connections against ${previousMonth(q.month)}'s last snapshot${filter.platform ? ` on ${filter.platform}` : ''}; sandbox excluded`),
    });
  });

  app.route('/months', monthRoutes(deps, docs));

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

  const monthQuery = reportQuerySchema;
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
    {
      method: 'get',
      path: '/reports/connection-counts/changes',
      tag: 'reports',
      list: true,
      summary: `The connections behind the month's new / lost / relinked counts. filter: ${CHANGE_FILTER_DOC}.`,
      query: listQueryDoc(CHANGE_FILTER_DOC).extend(monthQuery.shape),
      response: z.array(changeRecordSchema),
    },
    { method: 'get', path: '/reports/connection-counts/changes/export', tag: 'reports', summary: `Every connection behind the changes. ${EXPORT_NOTE}`, query: listQueryDoc(CHANGE_FILTER_DOC).extend(monthQuery.shape) },
    {
      method: 'get',
      path: '/reports/connection-counts/trend',
      tag: 'reports',
      summary: `Billable candidates, connections by status and new / lost / relinked for the ${TREND_MONTHS} months up to month (oldest first), from the same reports as each month's screen.`,
      query: monthQuery,
      response: z.object({ to: z.string(), billableRule: z.object({ key: z.string(), description: z.string() }), mirrorSyncedAt: z.string().nullable(), months: z.array(trendMonthSchema) }),
    },
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
