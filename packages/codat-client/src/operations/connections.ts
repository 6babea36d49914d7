import { pageOf, type Page } from '../schemas/common.js';
import {
  connectionSchema,
  type Connection,
  type ConnectionAuthorization,
  type CreateConnectionInput,
} from '../schemas/connections.js';
import type { Caller } from './caller.js';
import { connectionPath, path } from './paths.js';
import { listQuery, walkPages, type ListParams } from './paging.js';

const connectionPageSchema = pageOf(connectionSchema);

export function connectionsOperations(caller: Caller) {
  const list = (companyId: string, params: ListParams = {}): Promise<Page<Connection>> =>
    caller.json(
      {
        operation: 'connections.list',
        method: 'GET',
        path: path`/companies/${companyId}/connections`,
        companyId,
        query: listQuery(params),
      },
      connectionPageSchema,
    );

  return {
    list,
    pages: (companyId: string, params: ListParams = {}) =>
      walkPages(params, (pageParams) => list(companyId, pageParams)),
    /** Starts `PendingAuth`. Never retried automatically: a duplicate connection is billable. */
    create: (companyId: string, body: CreateConnectionInput): Promise<Connection> =>
      caller.json(
        {
          operation: 'connections.create',
          method: 'POST',
          path: path`/companies/${companyId}/connections`,
          companyId,
          body,
        },
        connectionSchema,
      ),
    get: (companyId: string, connectionId: string): Promise<Connection> =>
      caller.json(
        {
          operation: 'connections.get',
          method: 'GET',
          path: connectionPath(companyId, connectionId),
          companyId,
        },
        connectionSchema,
      ),
    /** Irreversible: the connection and its cached data are gone (Codat answers 200 with no body). */
    delete: (companyId: string, connectionId: string): Promise<void> =>
      caller.empty({
        operation: 'connections.delete',
        method: 'DELETE',
        path: connectionPath(companyId, connectionId),
        companyId,
      }),
    /** Keeps the connection and its data, status becomes `Unlinked`; only `Linked` connections can be unlinked. */
    unlink: (companyId: string, connectionId: string): Promise<Connection> =>
      caller.json(
        {
          operation: 'connections.unlink',
          method: 'PATCH',
          path: connectionPath(companyId, connectionId),
          companyId,
          body: { status: 'Unlinked' },
        },
        connectionSchema,
      ),
    /** Afterwards, fetch-on-first-link does not run by itself: call `data.refreshAll`. */
    updateAuthorization: (
      companyId: string,
      connectionId: string,
      body: ConnectionAuthorization,
    ): Promise<Connection> =>
      caller.json(
        {
          operation: 'connections.updateAuthorization',
          method: 'PUT',
          path: `${connectionPath(companyId, connectionId)}/authorization`,
          companyId,
          body,
        },
        connectionSchema,
      ),
  };
}
