import { asc, desc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/record.js';
import { auditEvents } from '../../db/schema/index.js';
import type { BffDeps } from '../../deps.js';
import { notFound } from '../../http/api-error.js';
import { listQueryDoc } from '../../http/params.js';
import { readParam } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { auditEventsCsv, latestAuditEventId } from './export.js';
import { auditEventCondition } from './query.js';
import { AUDIT_EVENT_SORT_FIELDS, auditEventFilterSchema, auditEventRecordSchema } from './schemas.js';
import { toAuditEventRecord } from './to-record.js';

const FILTER_DOC = '{ actor? (staff id or email contains), action? (one or a list), companyId?, outcome?, from?, to? (ISO; from ≤ at < to), id? }';

/** The audit log, read-only: there is no route that edits or deletes an entry. */
export function auditEventsRoutes({ db, logger }: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const { filter, start, end, sort } = parseListQuery(c, auditEventFilterSchema, AUDIT_EVENT_SORT_FIELDS);
    const condition = auditEventCondition(filter);
    const direction = sort?.order === 'ASC' ? asc : desc;
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(auditEvents)
        .where(condition)
        .orderBy(...(sort?.field === 'at' ? [direction(auditEvents.at)] : []), direction(auditEvents.id))
        .offset(start)
        .limit(end - start + 1),
      db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(condition),
    ]);
    return listResponse(c, 'audit-events', start, rows.map(toAuditEventRecord), count?.total ?? 0);
  });

  // Before /:id, which would take "export" for an id.
  app.get('/export', async (c) => {
    const { filter } = parseListQuery(c, auditEventFilterSchema, AUDIT_EVENT_SORT_FIELDS);
    const upToId = await latestAuditEventId(db);
    await audit(c).record({ action: 'audit.export', outcome: 'ok', details: { filter: c.req.query('filter') ?? '{}', upToId } });
    return auditEventsCsv(db, filter, upToId, logger);
  });

  app.get('/:id', async (c) => {
    const id = readParam(c, 'id', z.coerce.number().int().positive(), 'audit event id');
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
    if (!row) throw notFound(`No audit event ${id}.`);
    return c.json(toAuditEventRecord(row));
  });

  docs.add(
    {
      method: 'get',
      path: '/audit-events',
      tag: 'audit-events',
      list: true,
      summary: `The audit log, newest first. filter: ${FILTER_DOC}. sort: id or at.`,
      query: listQueryDoc(FILTER_DOC),
      response: z.array(auditEventRecordSchema),
    },
    {
      method: 'get',
      path: '/audit-events/export',
      tag: 'audit-events',
      summary:
        'Every entry matching filter, oldest first, as streamed CSV with no row limit. Cells starting with = + - @ tab or CR are ' +
        "prefixed with ' so spreadsheets do not run them. The export itself is audited.",
      query: z.object({ filter: z.string().optional().describe(`JSON object: ${FILTER_DOC}`) }),
    },
    { method: 'get', path: '/audit-events/{id}', tag: 'audit-events', summary: 'One audit entry.', response: auditEventRecordSchema },
  );
  return app;
}
