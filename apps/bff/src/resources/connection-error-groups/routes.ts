import { can } from '@console/contracts';
import { Hono } from 'hono';
import { currentStaff } from '../../auth/context.js';
import { z } from 'zod';
import type { BffDeps } from '../../deps.js';
import { notFound } from '../../http/api-error.js';
import { listQueryDoc } from '../../http/params.js';
import { readParam } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import { mirrorRefreshedAt, setRefreshedAt } from '../../mirror/freshness.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { auditedCsv } from '../../reports/audited-export.js';
import { affectedBatches, AFFECTED_COLUMNS, GROUP_COLUMNS, inOneBatch } from './export.js';
import { INCIDENT_RULE } from './incident.js';
import { groupSubjects, outreachBatches, outreachColumns } from './outreach.js';
import { errorGroups } from './queries.js';
import { allErrorGroups, AFFECTED_SHOWN, errorGroupDetail, errorGroupPage } from './records.js';
import { ERROR_GROUP_SORT_FIELDS, errorGroupDetailSchema, errorGroupIdSchema, errorGroupFilterSchema, errorGroupRecordSchema } from './schemas.js';

const FILTER_DOC = '{ platform?, statusCode?, q? (status text or message), probableIncident?, firstSeenFrom?, firstSeenTo?, lastSeenFrom?, lastSeenTo? (ISO date-times), id? }';

/** Fleet-wide error triage from the mirror: active errors grouped by platform + status code + status text. */
export function connectionErrorGroupsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const { db } = deps;

  app.get('/', async (c) => {
    const { filter, start, end, sort } = parseListQuery(c, errorGroupFilterSchema, ERROR_GROUP_SORT_FIELDS);
    const [page, refreshedAt] = await Promise.all([errorGroupPage(db, deps.now(), { filter, start, end, sort }), mirrorRefreshedAt(db)]);
    setRefreshedAt(c, refreshedAt);
    return listResponse(c, 'connection-error-groups', start, page.records, page.total);
  });

  app.get('/export', async (c) => {
    const { filter, sort } = parseListQuery(c, errorGroupFilterSchema, ERROR_GROUP_SORT_FIELDS);
    return auditedCsv(c, deps, {
      action: 'error-groups.export',
      filename: 'connection-error-groups',
      columns: GROUP_COLUMNS,
      batches: inOneBatch(allErrorGroups(db, deps.now(), filter, sort)),
      details: { filter },
      refreshedAt: await mirrorRefreshedAt(db),
    });
  });

  app.get('/:id', async (c) => {
    const id = readParam(c, 'id', errorGroupIdSchema, 'error-group id');
    const [group, refreshedAt] = await Promise.all([errorGroupDetail(db, deps.now(), id), mirrorRefreshedAt(db)]);
    if (!group) throw notFound(`No error group ${id} in the mirror.`);
    setRefreshedAt(c, refreshedAt);
    return c.json(group);
  });

  app.get('/:id/companies/export', async (c) => {
    const id = readParam(c, 'id', errorGroupIdSchema, 'error-group id');
    return auditedCsv(c, deps, {
      action: 'error-group-companies.export',
      filename: `error-group-${id}-companies`,
      columns: AFFECTED_COLUMNS,
      batches: affectedBatches(db, id),
      details: { groupId: id },
      refreshedAt: await mirrorRefreshedAt(db),
    });
  });

  app.get('/:id/outreach/export', async (c) => {
    const id = readParam(c, 'id', errorGroupIdSchema, 'error-group id');
    const [group] = await errorGroups(db, [id]);
    if (!group) throw notFound(`No error group ${id} in the mirror.`);
    const withLinks = can(currentStaff(c).role, 'links.reveal');
    return auditedCsv(c, deps, {
      action: 'error-group-outreach.export',
      filename: `error-group-${id}-outreach`,
      columns: outreachColumns(withLinks),
      batches: outreachBatches(c, deps.codat, `error-group ${group.id} outreach export`, groupSubjects(group, affectedBatches(db, id)), withLinks),
      details: { groupId: id, relinkUrls: withLinks },
      refreshedAt: await mirrorRefreshedAt(db),
    });
  });

  const exportNote = "Streamed CSV, no row limit; cells starting with = + - @ tab or CR are prefixed with '. Audited.";
  docs.add(
    {
      method: 'get',
      path: '/connection-error-groups',
      tag: 'connection-error-groups',
      list: true,
      summary: `Active connection errors across the fleet, grouped by platform + status code + status text, with 30-day trends and notes. ${INCIDENT_RULE} filter: ${FILTER_DOC}. sort: ${ERROR_GROUP_SORT_FIELDS.join(', ')}.`,
      query: listQueryDoc(FILTER_DOC),
      response: z.array(errorGroupRecordSchema),
    },
    { method: 'get', path: '/connection-error-groups/export', tag: 'connection-error-groups', summary: `The groups matching filter. ${exportNote}`, query: listQueryDoc(FILTER_DOC) },
    {
      method: 'get',
      path: '/connection-error-groups/{id}',
      tag: 'connection-error-groups',
      summary: `One group with the connections it affects now (the first ${AFFECTED_SHOWN}; affectedTotal counts all).`,
      response: errorGroupDetailSchema,
    },
    { method: 'get', path: '/connection-error-groups/{id}/companies/export', tag: 'connection-error-groups', summary: `Every affected company and connection. ${exportNote}` },
    {
      method: 'get',
      path: '/connection-error-groups/{id}/outreach/export',
      tag: 'connection-error-groups',
      summary:
        'Outreach list for customer success: company, merchant id, platform, connection status, error and, for roles that may share links, ' +
        `a fresh relink URL per connection (each reveal audited as link.reveal; none for Linked or Sage Bank Feeds connections, with the reason). ${exportNote}`,
    },
  );
  return app;
}
