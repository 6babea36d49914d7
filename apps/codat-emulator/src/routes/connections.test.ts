import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../test/support.js';
import { authorizeConnection } from '../domain/connection-lifecycle.js';
import type { CodatEvent } from '../events.js';

async function companyWithConnection(platformKey = 'gbol') {
  const t = testEmulator();
  const events: CodatEvent[] = [];
  t.emu.events.on((event) => events.push(event));
  const { body: company } = await t.json('/companies', { method: 'POST', body: { name: 'Acme', tags: { uid: 'a-1' } } });
  const created = await t.json(`/companies/${company.id}/connections`, { method: 'POST', body: { platformKey } });
  const connection = t.emu.store.connections.get(created.body.id)!;
  return { ...t, events, company, created, connection, path: `/companies/${company.id}/connections/${created.body.id}` };
}

describe('connections', () => {
  it('creates a PendingAuth connection with exactly the Connection keys and fires connection.created', async () => {
    const { created, company, events } = await companyWithConnection();
    expect(created.status).toBe(200);
    expect(Object.keys(created.body).sort()).toEqual(
      ['created', 'id', 'integrationId', 'integrationKey', 'linkUrl', 'platformName', 'sourceId', 'sourceType', 'status'],
    );
    expect(created.body).toMatchObject({
      integrationKey: 'gbol',
      integrationId: '0f20c943-12d0-4800-9f6c-d218f62d494c',
      platformName: 'Xero',
      sourceType: 'Accounting',
      status: 'PendingAuth',
      linkUrl: `http://emulator.test/link-api/companies/${company.id}/connections/${created.body.id}/start`,
    });
    const event = events.find((e) => e.eventType === 'connection.created')!;
    expect(event.companyId).toBe(company.id);
    expect(event.payload).toMatchObject({
      referenceCompany: {
        id: company.id,
        name: 'Acme',
        description: '',
        links: { portal: `https://app.codat.io/companies/${company.id}/summary` },
        tags: { uid: 'a-1' },
      },
      connection: { id: created.body.id, status: 'PendingAuth' },
    });
  });

  it('rejects unknown, disabled and missing platform keys', async () => {
    const { json, company } = await companyWithConnection();
    const unknown = await json(`/companies/${company.id}/connections`, { method: 'POST', body: { platformKey: 'zzzz' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, service: 'PublicApi' });
    expect(unknown.body.error).toContain('zzzz');
    const disabled = await json(`/companies/${company.id}/connections`, { method: 'POST', body: { platformKey: 'lqai' } });
    expect(disabled.status).toBe(404);
    expect((await json(`/companies/${company.id}/connections`, { method: 'POST', body: {} })).status).toBe(400);
    expect((await json(`/companies/${company.id}/connections`, { method: 'POST', body: '{' })).status).toBe(400);
    const noCompany = await json('/companies/6b113e06-e818-45d7-977b-8e6bb3d01269/connections', { method: 'POST', body: { platformKey: 'gbol' } });
    expect(noCompany.status).toBe(404);
    expect(noCompany.body.service).toBe('ClientsApi');
  });

  it('lists with paging, query and orderBy', async () => {
    const { json, emu, company } = await companyWithConnection('gbol');
    const path = `/companies/${company.id}/connections`;
    const plaid = await json(path, { method: 'POST', body: { platformKey: 'suuo' } });
    await json(path, { method: 'POST', body: { platformKey: 'exgd' } });
    authorizeConnection(emu, emu.store.connections.get(plaid.body.id)!);

    const all = await json(path);
    expect(all.body.totalResults).toBe(3);
    expect(all.body._links.self.href).toBe(path);
    expect(all.body.results.map((c: { integrationKey: string }) => c.integrationKey)).toEqual(['gbol', 'suuo', 'exgd']);

    const linked = await json(`${path}?query=${encodeURIComponent('status=linked')}`);
    expect(linked.body.results.map((c: { id: string }) => c.id)).toEqual([plaid.body.id]);
    const banking = await json(`${path}?query=${encodeURIComponent('sourceType=Banking||integrationKey=exgd')}`);
    expect(banking.body.totalResults).toBe(2);
    const byName = await json(`${path}?orderBy=-platformName`);
    expect(byName.body.results.map((c: { platformName: string }) => c.platformName)).toEqual(['Xero', 'Stripe', 'Plaid']);
    const paged = await json(`${path}?page=2&pageSize=2`);
    expect(paged.body.results).toHaveLength(1);
    expect(paged.body._links.previous.href).toBe(`${path}?page=1&pageSize=2`);

    const bad = await json(`${path}?query=${encodeURIComponent('colour=red')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('Error parsing query - Could not resolve property colour on DataConnection');
  });

  it('mints a fresh one-hour OTP in the QBO Bank Feeds linkUrl on every read', async () => {
    const { json, path } = await companyWithConnection('hcws');
    const first = (await json(path)).body.linkUrl as string;
    const second = (await json(path)).body.linkUrl as string;
    expect(first).toMatch(/\/start\?otp=\d{6}$/);
    expect(second).toMatch(/\/start\?otp=\d{6}$/);
    expect(first).not.toBe(second);
  });

  it('deletes with 200 and an empty body, then 404s and fires connection.deleted', async () => {
    const { request, json, path, company, events } = await companyWithConnection();
    const response = await request(path, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect((await json(path)).status).toBe(404);
    expect((await json(`/companies/${company.id}`)).body.dataConnections).toEqual([]);
    expect(events.map((e) => e.eventType)).toContain('connection.deleted');
  });

  it('unlinks only Linked connections', async () => {
    const { json, path, connection, emu, events } = await companyWithConnection();
    const pending = await json(path, { method: 'PATCH', body: { status: 'Unlinked' } });
    expect(pending.status).toBe(400);
    expect(pending.body.error).toContain('only Linked connections can be unlinked');

    authorizeConnection(emu, connection);
    expect((await json(path, { method: 'PATCH', body: { status: 'Linked' } })).status).toBe(400);
    expect((await json(path, { method: 'PATCH', body: { status: 'Unlinked', extra: 1 } })).status).toBe(400);
    const unlinked = await json(path, { method: 'PATCH', body: { status: 'Unlinked' } });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.status).toBe('Unlinked');
    expect(events.at(-1)).toMatchObject({ eventType: 'connection.disconnected' });
    expect((await json(path, { method: 'PATCH', body: { status: 'Unlinked' } })).status).toBe(400);
  });

  it('links through update-authorization without echoing the credentials', async () => {
    const { json, path, events } = await companyWithConnection('olpr');
    const updated = await json(`${path}/authorization`, { method: 'PUT', body: { authorizationId: 'sage-auth-secret', bankId: 'bank-77' } });
    expect(updated.status).toBe(200);
    expect(updated.body.status).toBe('Linked');
    expect(JSON.stringify(updated.body)).not.toContain('sage-auth-secret');
    expect(events.at(-1)?.eventType).toBe('connection.connected');
    expect((await json(`${path}/authorization`, { method: 'PUT', body: { token: 42 } })).status).toBe(400);
    expect((await json(`${path}/authorization`, { method: 'PUT', body: {} })).status).toBe(400);
  });
});
