import { Hono } from 'hono';
import type { BffDeps } from '../../deps.js';
import { notFound } from '../../http/api-error.js';
import type { CsvColumn } from '../../http/csv.js';
import { keysetBatches } from '../../http/csv.js';
import { listQueryDoc, uuid } from '../../http/params.js';
import { readParam } from '../../http/request-input.js';
import { parseListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { auditedCsv } from '../../reports/audited-export.js';
import { notesFor } from '../../resources/notes/queries.js';
import { mirrorRefreshedAt, setRefreshedAt } from '../freshness.js';
import { mirrorRuntime } from '../runtime.js';
import { timelineBatch, timelineCompany, timelinePage } from './queries.js';
import { timelineFilterSchema, timelineSchema, type Timeline, type TimelineEntry } from './schemas.js';

const FILTER_DOC = '{ connectionId?, kind? (one or a list of change kinds) }';

const COLUMNS: CsvColumn<TimelineEntry>[] = [
  { header: 'occurredAt', value: (e) => e.occurredAt },
  { header: 'seenAt', value: (e) => e.seenAt },
  { header: 'kind', value: (e) => e.kind },
  { header: 'connectionId', value: (e) => e.connectionId },
  { header: 'platformKey', value: (e) => e.platformKey },
  { header: 'fromStatus', value: (e) => e.fromStatus },
  { header: 'toStatus', value: (e) => e.toStatus },
  { header: 'statusCode', value: (e) => e.statusCode },
  { header: 'statusText', value: (e) => e.statusText },
  { header: 'errorMessage', value: (e) => e.errorMessage },
  { header: 'errorGroupId', value: (e) => e.errorGroupId },
  { header: 'source', value: (e) => e.source },
  { header: 'flags', value: (e) => e.flags.join(' ') },
];

/** A company's history from the mirror: its connections' status changes and errors, with notes. */
export function timelineRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const { db } = deps;

  const company = async (id: string) => {
    const found = await timelineCompany(db, id);
    if (!found.company) throw notFound(`The mirror has no company ${id}.`);
    return { ...found, company: found.company };
  };

  app.get('/companies/:id/timeline', async (c) => {
    const id = readParam(c, 'id', uuid, 'company id');
    const { filter, start, end } = parseListQuery(c, timelineFilterSchema, ['occurredAt', 'id'] as const, 200);
    const [{ company: own, connections }, page, refreshedAt] = await Promise.all([company(id), timelinePage(db, id, filter, start, end), mirrorRefreshedAt(db)]);
    const groupIds = page.entries.map((entry) => entry.errorGroupId).filter((group): group is string => group !== null);
    const [connectionNotes, groupNotes] = await Promise.all([
      notesFor(db, 'connection', connections.map((connection) => connection.id)),
      notesFor(db, 'error-group', groupIds),
    ]);
    setRefreshedAt(c, refreshedAt);
    const timeline: Timeline = {
      companyId: id,
      companyName: own.name,
      deleted: own.deleted,
      refreshedAt,
      retentionMonths: mirrorRuntime(deps).settings.retentionMonths,
      total: page.total,
      entries: page.entries,
      connections: connections.map((connection) => ({ ...connection, notes: connectionNotes.get(connection.id) ?? [] })),
      errorGroupNotes: Object.fromEntries(groupNotes),
    };
    return c.json(timeline);
  });

  app.get('/companies/:id/timeline/export', async (c) => {
    const id = readParam(c, 'id', uuid, 'company id');
    const { company: own } = await company(id);
    return auditedCsv(c, deps, {
      action: 'timeline.export',
      filename: `timeline-${id}`,
      columns: COLUMNS,
      batches: keysetBatches((after: number | undefined, size) => timelineBatch(db, id, after, size), (entry) => entry.id),
      details: {},
      target: { companyId: id, companyName: own.name },
      refreshedAt: await mirrorRefreshedAt(db),
    });
  });

  docs.add(
    {
      method: 'get',
      path: '/companies/{id}/timeline',
      tag: 'companies',
      summary: `The company's history from the mirror, newest first: companies and connections created and deleted, status changes, errors appearing and resolving, with notes. Kept for MIRROR_RETENTION_MONTHS. Always newest first (sort is ignored). range: [start, end] (default [0, 199]). filter: ${FILTER_DOC}.`,
      query: listQueryDoc(FILTER_DOC),
      response: timelineSchema,
    },
    {
      method: 'get',
      path: '/companies/{id}/timeline/export',
      tag: 'companies',
      summary: "The whole timeline, oldest first. Streamed CSV, no row limit; cells starting with = + - @ tab or CR are prefixed with '. Audited.",
    },
  );
  return app;
}
