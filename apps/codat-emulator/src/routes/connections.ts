import { Hono } from 'hono';
import { z } from 'zod';
import {
  authorizeConnection,
  createConnection,
  deleteConnection,
  unlinkConnection,
} from '../domain/connection-lifecycle.js';
import { platformByKey } from '../domain/platforms.js';
import { renderConnection, requestOrigin } from '../domain/render.js';
import type { Emulator } from '../emulator.js';
import { readJson } from '../http/body.js';
import { errors } from '../http/errors.js';
import { paginate, parsePaging } from '../http/paging.js';
import { findCompany, findConnection } from '../http/params.js';
import { compileOrderBy, compileQuery, readParam, type QueryModel } from '../query/index.js';
import type { ConnectionRecord } from '../store/types.js';

const createBody = z.object({ platformKey: z.string().min(1) });

// `UpdateConnectionStatus` is additionalProperties:false; unlinking is all this operation does.
const unlinkBody = z.strictObject({ status: z.string().nullish() });

const authorizationBody = z
  .record(z.string(), z.string())
  .refine((values) => Object.keys(values).length > 0, 'At least one authorization value is required.');

export const connectionQueryModel: QueryModel<ConnectionRecord> = {
  name: 'DataConnection',
  service: 'PublicApi',
  fields: {
    id: { type: 'string', get: (c) => c.id },
    status: { type: 'enum', get: (c) => c.status },
    integrationKey: { type: 'string', get: (c) => c.integrationKey },
    integrationId: { type: 'string', get: (c) => platformByKey(c.integrationKey)?.integrationId },
    sourceId: { type: 'string', get: (c) => platformByKey(c.integrationKey)?.sourceId },
    sourceType: { type: 'enum', get: (c) => platformByKey(c.integrationKey)?.sourceType },
    platformName: { type: 'string', get: (c) => platformByKey(c.integrationKey)?.name },
    created: { type: 'date', get: (c) => c.createdMs },
    lastSync: { type: 'date', get: (c) => c.lastSyncMs },
  },
};

export function connectionsRoutes(emu: Emulator): Hono {
  const app = new Hono();
  const base = '/companies/:companyId/connections';

  app.get(base, (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const paging = parsePaging(c);
    const matches = compileQuery(readParam(c, 'query'), connectionQueryModel);
    const order = compileOrderBy(readParam(c, 'orderBy'), connectionQueryModel);
    let connections = emu.store.connectionsOf(company);
    if (matches) connections = connections.filter(matches);
    if (order) connections.sort(order);
    const origin = requestOrigin(emu, c.req.url);
    return c.json(
      paginate(`/companies/${company.id}/connections`, connections, paging, (connection) =>
        renderConnection(emu, origin, connection),
      ),
    );
  });

  app.post(base, async (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const { platformKey } = await readJson(c, createBody);
    const origin = requestOrigin(emu, c.req.url);
    const connection = createConnection(emu, company, platformKey, origin);
    return c.json(renderConnection(emu, origin, connection), 200);
  });

  app.get(`${base}/:connectionId`, (c) => {
    const connection = findConnection(emu, c.req.param('companyId'), c.req.param('connectionId'));
    return c.json(renderConnection(emu, requestOrigin(emu, c.req.url), connection));
  });

  app.delete(`${base}/:connectionId`, (c) => {
    const connection = findConnection(emu, c.req.param('companyId'), c.req.param('connectionId'));
    deleteConnection(emu, connection, requestOrigin(emu, c.req.url));
    return c.body(null, 200);
  });

  app.patch(`${base}/:connectionId`, async (c) => {
    const connection = findConnection(emu, c.req.param('companyId'), c.req.param('connectionId'));
    const { status } = await readJson(c, unlinkBody);
    if (status !== 'Unlinked') {
      throw errors.invalidRequest('not valid.', [
        { itemId: 'status', message: "The only status a connection can be set to is 'Unlinked'.", validatorName: 'UnlinkConnection' },
      ]);
    }
    const origin = requestOrigin(emu, c.req.url);
    unlinkConnection(emu, connection, origin);
    return c.json(renderConnection(emu, origin, connection));
  });

  // Token migration and Sage web-app auth hand Codat credentials directly. They are not echoed
  // back; the connection is linked without Codat's "fetch on first link" (the docs say to refresh).
  app.put(`${base}/:connectionId/authorization`, async (c) => {
    const connection = findConnection(emu, c.req.param('companyId'), c.req.param('connectionId'));
    await readJson(c, authorizationBody);
    const origin = requestOrigin(emu, c.req.url);
    authorizeConnection(emu, connection, origin);
    return c.json(renderConnection(emu, origin, connection));
  });

  return app;
}
