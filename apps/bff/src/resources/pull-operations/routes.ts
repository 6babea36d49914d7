import { Hono } from 'hono';
import { z } from 'zod';
import type { BffDeps } from '../../deps.js';
import { listQueryDoc } from '../../http/params.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { listPullOperations } from './list.js';
import { PULL_OPERATION_SORT_FIELDS, pullOperationFilterSchema, pullOperationRecordSchema } from './schemas.js';
import { pullOperationId, toPullOperationRecord } from './to-record.js';

/** A company's pull operations (Codat `data/history`): what was read, when, and how it ended. */
export function pullOperationsRoutes({ codat }: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  docs.add(
    {
      method: 'get',
      path: '/pull-operations',
      summary: 'A company’s pull operations, newest first by default (sort by `requested`).',
      tag: 'pull-operations',
      query: listQueryDoc('{ companyId (required), connectionId?, dataType?, status? }; dataType and status must be Codat’s own values.'),
      response: z.array(pullOperationRecordSchema),
      list: true,
    },
    {
      method: 'get',
      path: '/pull-operations/{id}',
      summary: `One pull operation; the id is ${pullOperationId.pattern}.`,
      tag: 'pull-operations',
      response: pullOperationRecordSchema,
    },
  );

  app.get('/', async (c) => {
    const { filter, start, end, sort } = parseListQuery(c, pullOperationFilterSchema, PULL_OPERATION_SORT_FIELDS);
    const { records, total } = await listPullOperations(codat, filter, { start, end, order: sort?.order ?? 'DESC' });
    return listResponse(c, 'pull-operations', start, records, total);
  });

  app.get('/:id', async (c) => {
    const { companyId, datasetId } = pullOperationId.parse(c.req.param('id'));
    return c.json(toPullOperationRecord(await codat.pullOperations.get(companyId, datasetId)));
  });

  return app;
}
