import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { withAudit } from '../../audit/index.js';
import type { BffDeps } from '../../deps.js';
import { listQueryDoc } from '../../http/params.js';
import { readJsonBody } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { parseConnectionRecordId } from './connection-id.js';
import { listConnections } from './list.js';
import {
  createConnection,
  deleteConnection,
  readConnection,
  unlinkConnection,
} from './mutations.js';
import {
  CONNECTION_SORT_FIELDS,
  connectionFilterSchema,
  connectionRecordSchema,
  createConnectionSchema,
} from './schemas.js';

/** react-admin's `connections` resource; ids are `<companyId>.<connectionId>`. */
export function connectionsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const refOf = (c: Context) => parseConnectionRecordId(c.req.param('id') ?? '');

  app.get('/', async (c) => {
    const page = await listConnections(
      deps,
      parseListQuery(c, connectionFilterSchema, CONNECTION_SORT_FIELDS),
    );
    return listResponse(c, 'connections', page.start, page.records, page.total);
  });
  app.get('/:id', async (c) => c.json(await readConnection(deps, refOf(c))));
  app.post('/', async (c) => {
    const input = await readJsonBody(c, createConnectionSchema);
    const record = await withAudit(
      c,
      'connection.create',
      { companyId: input.companyId },
      async (draft) => {
        draft.details.platformKey = input.platformKey;
        const created = await createConnection(deps, input);
        draft.target.connectionId = created.connectionId;
        return created;
      },
      { sent: { platformKey: input.platformKey } },
    );
    return c.json(record, 201);
  });
  app.delete('/:id', async (c) => {
    const ref = refOf(c);
    return c.json(await withAudit(c, 'connection.delete', ref, () => deleteConnection(deps, ref)));
  });
  app.post('/:id/unlink', async (c) => {
    const ref = refOf(c);
    return c.json(await withAudit(c, 'connection.unlink', ref, () => unlinkConnection(deps, ref)));
  });

  docs.add(
    {
      method: 'get',
      path: '/connections',
      tag: 'connections',
      list: true,
      summary:
        'One company\'s connections: filter {"companyId": uuid} is required (or {"id": [...]} for getMany); status and ' +
        `sourceType narrow it. sort: ${CONNECTION_SORT_FIELDS.join(', ')}.`,
      query: listQueryDoc(
        '{ companyId } (required), status?, sourceType?; or { id: [...] } for getMany',
      ),
      response: z.array(connectionRecordSchema),
    },
    {
      method: 'get',
      path: '/connections/{id}',
      tag: 'connections',
      summary: 'One connection (id: <companyId>.<connectionId>).',
      response: connectionRecordSchema,
    },
    {
      method: 'post',
      path: '/connections',
      tag: 'connections',
      status: 201,
      summary: 'Create a PendingAuth connection for a platform key; then share its Link URL.',
      body: createConnectionSchema,
      response: connectionRecordSchema,
    },
    {
      method: 'delete',
      path: '/connections/{id}',
      tag: 'connections',
      summary:
        'Delete a connection and the data synced through it (irreversible); answers the deleted record.',
      response: connectionRecordSchema,
    },
    {
      method: 'post',
      path: '/connections/{id}/unlink',
      tag: 'connections',
      summary:
        'Unlink a Linked connection: it stays, with its data, as Unlinked. 409 for any other status.',
      response: connectionRecordSchema,
    },
  );
  return app;
}
