import { http, HttpResponse } from 'msw';
import { aConnection } from '../fixtures/connections';
import type { CompanyWorld } from './companies';
import { syncCompany } from './companies';
import { apiError, listResponse } from './simple-rest-list';

type Row = Record<string, unknown>;

const notFound = () => apiError(404, 'Codat has no such connection.', { code: 'not_found', requestId: 'req-conn-404' });

/** The `connections` resource over `world`: listed per company, created PendingAuth, unlinked (Linked only), deleted. */
export function connectionsHandlers(world: CompanyWorld) {
  const find = (id: unknown) => world.connections.find((connection) => connection.id === id);
  return [
    http.get('*/api/connections', ({ request }) => listResponse('connections', request, world.connections as unknown as Row[])),
    http.get('*/api/connections/:id', ({ params }) => {
      const connection = find(params.id);
      return connection ? HttpResponse.json(connection) : notFound();
    }),
    http.post('*/api/connections', async ({ request }) => {
      const body = (await request.json()) as { companyId: string; platformKey: string };
      const connection = aConnection(body.companyId, body.platformKey, {
        connectionId: `d0000000-0000-4000-8000-${String(world.connections.length).padStart(12, '0')}`,
        status: 'PendingAuth',
        created: new Date().toISOString(),
      });
      world.connections.push(connection);
      syncCompany(world, body.companyId);
      return HttpResponse.json(connection, { status: 201 });
    }),
    http.post('*/api/connections/:id/unlink', ({ params }) => {
      const connection = find(params.id);
      if (!connection) return notFound();
      if (connection.status !== 'Linked') {
        return apiError(409, `Only Linked connections can be unlinked; this ${connection.platformName} connection is ${connection.status}.`, { code: 'conflict' });
      }
      connection.status = 'Unlinked';
      syncCompany(world, connection.companyId);
      return HttpResponse.json(connection);
    }),
    http.delete('*/api/connections/:id', ({ params }) => {
      const connection = find(params.id);
      if (!connection) return notFound();
      world.connections = world.connections.filter((candidate) => candidate !== connection);
      syncCompany(world, connection.companyId);
      return HttpResponse.json(connection);
    }),
  ];
}
