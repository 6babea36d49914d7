import { Hono } from 'hono';
import { z } from 'zod';
import { integrationCatalog } from '../../codat/integration-catalog.js';
import type { BffDeps } from '../../deps.js';
import { notFound } from '../../http/api-error.js';
import { sortRecords } from '../../codat/sort-records.js';
import { listQueryDoc } from '../../http/params.js';
import { readParam } from '../../http/request-input.js';
import { listResponse, parseListQuery, type ListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import {
  INTEGRATION_SORT_FIELDS,
  integrationDetailSchema,
  integrationFilterSchema,
  integrationRecordSchema,
  platformKeySchema,
  type IntegrationFilter,
  type IntegrationRecord,
  type IntegrationSortField,
} from './schemas.js';
import { logoStore } from './logos.js';
import { toIntegrationDetail, toIntegrationRecord } from './to-record.js';

function matches(record: IntegrationRecord, filter: IntegrationFilter): boolean {
  const ids = filter.id === undefined ? undefined : [filter.id].flat();
  const q = filter.q?.toLowerCase();
  return (
    (ids === undefined || ids.includes(record.key)) &&
    (!q || record.name.toLowerCase().includes(q) || record.key.includes(q)) &&
    (filter.sourceType === undefined || record.sourceType?.toLowerCase() === filter.sourceType.toLowerCase()) &&
    (filter.enabled === undefined || record.enabled === filter.enabled) &&
    (filter.sandbox === undefined || record.sandbox === filter.sandbox)
  );
}

function page(records: IntegrationRecord[], { filter, start, end, sort }: ListQuery<IntegrationFilter, IntegrationSortField>) {
  let found = records.filter((record) => matches(record, filter));
  if (sort) found = sortRecords(found, (record) => record[sort.field], 'text', sort.order);
  // getMany (filter.id) wants every id it asked for, whatever the range.
  return filter.id === undefined ? { records: found.slice(start, end + 1), start, total: found.length } : { records: found, start: 0, total: found.length };
}

/** react-admin's `integrations` resource, read from a few-minute cache of Codat's list. */
export function integrationsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const catalog = integrationCatalog(deps.codat, deps.now);

  app.get('/', async (c) => {
    const query = parseListQuery(c, integrationFilterSchema, INTEGRATION_SORT_FIELDS);
    const result = page((await catalog.list()).map(toIntegrationRecord), query);
    return listResponse(c, 'integrations', result.start, result.records, result.total);
  });

  const logo = logoStore(catalog, deps.now);
  app.get('/:key/logo', async (c) => {
    const key = readParam(c, 'key', platformKeySchema, 'platform key');
    const image = await logo(key);
    return c.body(image.body.slice(), 200, { 'Content-Type': image.contentType, 'Cache-Control': 'private, max-age=86400' });
  });

  app.get('/:key', async (c) => {
    const key = readParam(c, 'key', platformKeySchema, 'platform key');
    const integration = await catalog.get(key);
    if (!integration) throw notFound(`No integration has the platform key "${key}".`);
    return c.json(toIntegrationDetail(integration, await catalog.branding(key)));
  });

  docs.add(
    {
      method: 'get',
      path: '/integrations',
      tag: 'integrations',
      list: true,
      summary: `Integrations (cached a few minutes). filter: q (name or key), sourceType, enabled, sandbox, id. sort: ${INTEGRATION_SORT_FIELDS.join(', ')}.`,
      query: listQueryDoc('{ q?, sourceType?, enabled?, sandbox?, id? }'),
      response: z.array(integrationRecordSchema),
    },
    {
      method: 'get',
      path: '/integrations/{key}',
      tag: 'integrations',
      summary: 'One integration by platform key, with its branding images.',
      response: integrationDetailSchema,
    },
    {
      method: 'get',
      path: '/integrations/{key}/logo',
      tag: 'integrations',
      summary:
        "The platform's square logo from Codat's integration branding, served by the console (cached a day) so the browser " +
        'never loads another origin; a bundled placeholder (image/svg+xml) when Codat has none or it cannot be fetched.',
    },
  );
  return app;
}
