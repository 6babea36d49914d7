import { Hono } from 'hono';
import { z } from 'zod';
import type { BffDeps } from '../../deps.js';
import { notFound } from '../../http/api-error.js';
import { listQueryDoc } from '../../http/params.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { DATA_STATUS_SORT_FIELDS, dataStatusFilterSchema, dataStatusRecordSchema } from './schemas.js';
import { sortDataStatuses } from './sort.js';
import { dataStatusId, toDataStatusRecords } from './to-record.js';

/** Per data type, where a company's latest read stands (Codat `dataStatus`). */
export function dataStatusRoutes({ codat }: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  docs.add(
    {
      method: 'get',
      path: '/data-status',
      summary: 'One record per data type Codat has read for the company, sorted by data type.',
      tag: 'data-status',
      query: listQueryDoc('{ companyId (required), running?: boolean }'),
      response: z.array(dataStatusRecordSchema),
      list: true,
    },
    {
      method: 'get',
      path: '/data-status/{id}',
      summary: `The status of one data type; the id is ${dataStatusId.pattern}.`,
      tag: 'data-status',
      response: dataStatusRecordSchema,
    },
  );

  app.get('/', async (c) => {
    const { filter, start, end, sort } = parseListQuery(c, dataStatusFilterSchema, DATA_STATUS_SORT_FIELDS);
    let records = toDataStatusRecords(filter.companyId, await codat.data.status(filter.companyId));
    if (filter.running !== undefined) records = records.filter((record) => record.running === filter.running);
    if (sort) records = sortDataStatuses(records, sort.field, sort.order);
    return listResponse(c, 'data-status', start, records.slice(start, end + 1), records.length);
  });

  app.get('/:id', async (c) => {
    const { companyId, dataType } = dataStatusId.parse(c.req.param('id'));
    const record = toDataStatusRecords(companyId, await codat.data.status(companyId)).find((r) => r.dataType === dataType);
    if (!record) throw notFound(`Codat has no status for ${dataType} on company ${companyId}: that data type has not been read yet.`);
    return c.json(record);
  });

  return app;
}
