import { Hono } from 'hono';
import { withAudit } from '../audit/index.js';
import { z } from 'zod';
import type { BffDeps } from '../deps.js';
import { readOptionalJsonBody, uuid } from '../http/params.js';
import { readParam } from '../http/request-input.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { dataTypeSchema, pullOperationRecordSchema } from '../resources/pull-operations/schemas.js';
import { queueDataType } from './refresh/queue-data-type.js';
import { syncProgress, syncProgressSchema } from './refresh/sync-progress.js';

const refreshDataTypeBody = z.strictObject({ connectionId: uuid.optional() }).optional();

/** Queue Codat reads (all data or one data type) and poll their progress. */
export function refreshRoutes({ codat }: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  docs.add(
    {
      method: 'post',
      path: '/companies/{companyId}/refresh',
      summary:
        'Queues a read of every “fetch on first link” data type (Codat refresh-all). Never retried.',
      tag: 'refresh',
      response: z.object({ queued: z.literal(true) }),
      status: 202,
    },
    {
      method: 'post',
      path: '/companies/{companyId}/refresh/{dataType}',
      summary:
        'Queues a read of one data type, optionally on one connection; 409 while that type is still running.',
      tag: 'refresh',
      body: refreshDataTypeBody,
      response: pullOperationRecordSchema,
      status: 202,
    },
    {
      method: 'get',
      path: '/companies/{companyId}/sync-progress',
      summary:
        'The company’s unfinished pull operations and its latest successful read, for a live indicator.',
      tag: 'refresh',
      response: syncProgressSchema,
    },
  );

  app.post('/companies/:companyId/refresh', async (c) => {
    const companyId = readParam(c, 'companyId', uuid);
    await withAudit(c, 'data.refresh-all', { companyId }, () => codat.data.refreshAll(companyId));
    return c.json({ queued: true as const }, 202);
  });

  app.post('/companies/:companyId/refresh/:dataType', async (c) => {
    const companyId = readParam(c, 'companyId', uuid);
    const dataType = readParam(c, 'dataType', dataTypeSchema);
    const body = await readOptionalJsonBody(c, refreshDataTypeBody);
    const connectionId = body?.connectionId;
    const queued = await withAudit(
      c,
      'data.refresh',
      { companyId, connectionId },
      async (draft) => {
        draft.details.dataType = dataType;
        return queueDataType(codat, { companyId, dataType, connectionId });
      },
      { sent: { dataType } },
    );
    return c.json(queued, 202);
  });

  app.get('/companies/:companyId/sync-progress', async (c) => {
    return c.json(await syncProgress(codat, readParam(c, 'companyId', uuid)));
  });

  return app;
}
