import { describe, expect, it } from 'vitest';
import { testEmulator } from '../support.js';
import { createCompany, createConnection, createLinkedConnection, UNKNOWN_ID } from './fixtures.js';
import {
  expectResponseToMatchEachOas,
  expectUndeclaredCodatError,
  inEveryDocument,
  type OasTarget,
} from './oas/validator.js';

async function setUp() {
  const emulator = testEmulator();
  const companyId = await createCompany(emulator.json);
  return { ...emulator, companyId, base: `/companies/${companyId}/connections` };
}

describe('changing connections against the OAS', () => {
  it('create-connection 200 PendingAuth (hcws with an OTP link), 404 for unknown company or platform', async () => {
    const { request, base } = await setUp();
    const create = async (path: string, body: unknown) =>
      expectResponseToMatchEachOas(
        await request(path, { method: 'POST', body }),
        ...inEveryDocument('create-connection'),
      );
    const created = await create(base, { platformKey: 'hcws' });
    expect(created.body).toMatchObject({
      status: 'PendingAuth',
      integrationKey: 'hcws',
      sourceType: 'BankFeed',
    });
    expect((created.body as { linkUrl: string }).linkUrl).toMatch(/\/start\?otp=\d{6}$/);
    expect(
      (await create(`/companies/${UNKNOWN_ID}/connections`, { platformKey: 'gbol' })).status,
    ).toBe(404);
    expect((await create(base, { platformKey: 'zzzz' })).status).toBe(404);
    expect((await create(base, { platformKey: 'lqai' })).status).toBe(404); // a disabled integration
  });

  it('create-connection 400 for a body without a string platformKey (undeclared)', async () => {
    const { request, base } = await setUp();
    for (const body of [{}, '{nope', { platformKey: 7 }]) {
      const response = await request(base, { method: 'POST', body });
      await expectUndeclaredCodatError('platform', 'create-connection', response, 400);
    }
  });

  it('delete-connection 200 with an empty body, then 404', async () => {
    const { request, json, companyId, base } = await setUp();
    const id = await createConnection(json, companyId, 'gbol');
    const remove = async () =>
      expectResponseToMatchEachOas(
        await request(`${base}/${id}`, { method: 'DELETE' }),
        ...inEveryDocument('delete-connection'),
      );
    expect((await remove()).status).toBe(200);
    expect((await remove()).status).toBe(404);
  });

  it('unlink-connection 200 for a Linked connection, 404 for unknown ones', async () => {
    const { request, json, companyId, base } = await setUp();
    const id = await createLinkedConnection(json, companyId, 'gbol');
    const unlink = async (connectionId: string) =>
      expectResponseToMatchEachOas(
        await request(`${base}/${connectionId}`, { method: 'PATCH', body: { status: 'Unlinked' } }),
        ...inEveryDocument('unlink-connection'),
      );
    expect((await unlink(id)).body).toMatchObject({ status: 'Unlinked' });
    expect((await unlink(UNKNOWN_ID)).status).toBe(404);
  });

  it('unlink-connection 400 for a non-Linked connection or another status (undeclared)', async () => {
    const { request, json, companyId, base } = await setUp();
    const pendingId = await createConnection(json, companyId, 'gbol');
    const linkedId = await createLinkedConnection(json, companyId, 'qhyg');
    for (const [id, body] of [
      [pendingId, { status: 'Unlinked' }],
      [linkedId, { status: 'Linked' }],
      [linkedId, { status: 'Unlinked', extra: 1 }],
    ] as const) {
      const response = await request(`${base}/${id}`, { method: 'PATCH', body });
      await expectUndeclaredCodatError('platform', 'unlink-connection', response, 400);
    }
  });

  it('update-connection-authorization 200 (Linked), 404; 400 for a non-string map (undeclared)', async () => {
    const { request, json, companyId, base } = await setUp();
    const id = await createConnection(json, companyId, 'olpr');
    const put = (connectionId: string, body: unknown) =>
      request(`${base}/${connectionId}/authorization`, { method: 'PUT', body });
    const target: OasTarget = ['platform', 'update-connection-authorization'];
    const linked = await expectResponseToMatchEachOas(
      await put(id, { authorizationId: 'a-1', bankId: 'b-1' }),
      target,
    );
    expect(linked.body).toMatchObject({ status: 'Linked' });
    expect(
      (await expectResponseToMatchEachOas(await put(UNKNOWN_ID, { accessToken: 'x' }), target))
        .status,
    ).toBe(404);
    for (const body of [{}, { accessToken: 1 }, '[]']) {
      await expectUndeclaredCodatError(...target, await put(id, body), 400);
    }
  });
});
