import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { withAudit } from '../../audit/index.js';
import { mirrorCompanyChange } from '../../mirror/console-changes.js';
import { mirrorRefreshedAt, setRefreshedAt } from '../../mirror/freshness.js';
import { can } from '@console/contracts';
import { currentStaff } from '../../auth/context.js';
import { auditedCsv } from '../../reports/audited-export.js';
import { outreachBatches, outreachColumns } from '../connection-error-groups/outreach.js';
import { bulkCompanyFilterSchema, companiesMatching } from './filter-matches.js';
import { filteredOutreachSubjects } from './outreach.js';
import { MIRROR_COUNT_LIMIT, mirrorCompany, searchMirror } from '../../mirror/search.js';
import type { BffDeps } from '../../deps.js';
import { listQueryDoc, uuid } from '../../http/params.js';
import { readJsonBody, readParam, readQuery } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { createCompany, deleteCompany, updateCompany } from './mutations.js';
import { listCompanies } from './list.js';
import { SEARCH_LIMIT } from './search.js';
import {
  COMPANY_SORT_FIELDS,
  companyFilterSchema,
  companyReadQuerySchema,
  companyRecordSchema,
  createCompanySchema,
  liveCompanyRecordSchema,
  updateCompanySchema,
} from './schemas.js';
import { toCompanyRecords, toLiveCompanyRecord } from './to-record.js';

/** react-admin's `companies` resource (ra-data-simple-rest conventions). */
export function companiesRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const idOf = (c: Context) => readParam(c, 'id', uuid, 'company id');

  app.get('/', async (c) => {
    const query = parseListQuery(c, companyFilterSchema, COMPANY_SORT_FIELDS);
    const { id, q, status, platform } = query.filter;
    const mirrored = id === undefined ? await searchMirror(deps, { q, status, platform, sort: query.sort, start: query.start, end: query.end }) : undefined;
    if (mirrored) {
      setRefreshedAt(c, mirrored.refreshedAt);
      if (mirrored.capped) c.header('X-Search-Capped', String(MIRROR_COUNT_LIMIT));
      return listResponse(c, 'companies', query.start, mirrored.records, mirrored.total);
    }
    const page = await listCompanies(deps, query);
    if (page.capped !== undefined) c.header('X-Search-Capped', String(page.capped));
    return listResponse(
      c,
      'companies',
      page.start,
      await toCompanyRecords(deps, page.companies),
      page.total,
    );
  });

  app.get('/outreach/export', async (c) => {
    const { filter } = parseListQuery(c, bulkCompanyFilterSchema, [] as const);
    const ids = await companiesMatching(deps.db, filter);
    const withLinks = can(currentStaff(c).role, 'links.reveal');
    return auditedCsv(c, deps, {
      action: 'companies-outreach.export',
      filename: 'companies-outreach',
      columns: outreachColumns(withLinks),
      batches: outreachBatches(c, deps.codat, `companies outreach export ${JSON.stringify(filter)}`, filteredOutreachSubjects(deps.db, deps.settings.merchantIdTag, ids, filter), withLinks),
      details: { filter, companies: ids.length, relinkUrls: withLinks },
      refreshedAt: await mirrorRefreshedAt(deps.db),
    });
  });

  app.get('/:id', async (c) => {
    const id = idOf(c);
    const { live } = readQuery(c, companyReadQuerySchema);
    if (live) return c.json(await toLiveCompanyRecord(deps, await deps.codat.companies.get(id)));
    const mirrored = await mirrorCompany(deps, id);
    if (mirrored) {
      setRefreshedAt(c, mirrored.refreshedAt);
      return c.json(mirrored.record);
    }
    const [record] = await toCompanyRecords(deps, [await deps.codat.companies.get(id)]);
    return c.json(record);
  });

  app.post('/', async (c) => {
    const input = await readJsonBody(c, createCompanySchema);
    const record = await withAudit(
      c,
      'company.create',
      { companyName: input.name },
      async (draft) => {
        if (input.confirmNewCompany)
          draft.details.reasonForNewCompany = input.confirmNewCompany.reason;
        const created = await createCompany(deps, input, draft);
        draft.target.companyId = created.id;
        await mirrorCompanyChange(deps, 'saved', created);
        return created;
      },
    );
    return c.json(record, 201);
  });

  app.put('/:id', async (c) => {
    const companyId = idOf(c);
    const input = await readJsonBody(c, updateCompanySchema);
    return c.json(
      await withAudit(
        c,
        'company.update',
        { companyId },
        async (draft) => {
          draft.details.changes = Object.keys(input);
          const updated = await updateCompany(deps, companyId, input);
          draft.target.companyName = updated.name;
          await mirrorCompanyChange(deps, 'saved', updated);
          return updated;
        },
        { sent: { name: input.name, description: input.description ?? undefined } },
      ),
    );
  });

  app.delete('/:id', async (c) => {
    const companyId = idOf(c);
    return c.json(
      await withAudit(c, 'company.delete', { companyId }, async (draft) => {
        const deleted = await deleteCompany(deps, companyId);
        draft.target.companyName = deleted.name;
        await mirrorCompanyChange(deps, 'deleted', deleted);
        return deleted;
      }),
    );
  });

  docs.add(
    {
      method: 'get',
      path: '/companies/outreach/export',
      tag: 'companies',
      summary:
        "Outreach list for every company the list's filter matches in the mirror (filter: { q?, status?, platform? }, at least one; more than 5,000 companies is a 400): " +
        "company, merchant id, platform, connection status and newest active error per live connection (of the filter's status and platform when named) and, for roles " +
        "that may share links, a fresh relink URL per connection (each reveal audited as link.reveal). Streamed CSV; cells starting with = + - @ tab or CR are prefixed with '. Audited.",
      query: listQueryDoc('{ q?, status?, platform? }'),
    },
    {
      method: 'get',
      path: '/companies',
      tag: 'companies',
      list: true,
      summary:
        'List companies. filter: q (name or description contains, company id, connection id, merchant id), status ' +
        `(a connection status or NoConnections), platform (4-letter key), id (getMany). sort: ${COMPANY_SORT_FIELDS.join(', ')}. ` +
        `Once the fleet mirror has synced, a search or filter counts at most ${MIRROR_COUNT_LIMIT} matches and pages within them; ` +
        `before that, at most ${SEARCH_LIMIT} matches are merged from Codat. X-Search-Capped (the cap) says when more matched; ` +
        'Content-Range never goes past it.',
      query: listQueryDoc('{ q?, status?, platform?, id? }'),
      response: z.array(companyRecordSchema),
    },
    {
      method: 'get',
      path: '/companies/{id}',
      tag: 'companies',
      summary:
        'One company: from the fleet mirror once it holds it (X-Mirror-Refreshed-At says how fresh), else from Codat. ' +
        'live=true reads Codat now and adds the company\'s connections (Codat embeds them: one call answers both).',
      query: companyReadQuerySchema,
      response: z.union([companyRecordSchema, liveCompanyRecordSchema]),
    },
    {
      method: 'post',
      path: '/companies',
      tag: 'companies',
      status: 201,
      summary:
        'Create a company. 409 possible_duplicate (details.candidates) when a company with the same merchant id or a same or ' +
        'similar name exists; send confirmNewCompany.reason to create anyway. Names with characters Codat would strip are refused.',
      body: createCompanySchema,
      response: companyRecordSchema,
    },
    {
      method: 'put',
      path: '/companies/{id}',
      tag: 'companies',
      summary:
        'Edit name, description, merchant id and tags; the full tag set is always resent to Codat.',
      body: updateCompanySchema,
      response: companyRecordSchema,
    },
    {
      method: 'delete',
      path: '/companies/{id}',
      tag: 'companies',
      summary:
        'Delete a company with its connections and data (irreversible); answers the deleted record.',
      response: companyRecordSchema,
    },
  );
  return app;
}
