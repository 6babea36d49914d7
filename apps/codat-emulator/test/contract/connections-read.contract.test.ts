import { describe, expect, it } from 'vitest';
import { deauthorizeConnection } from '../../src/domain/connection-lifecycle.js';
import { testEmulator } from '../support.js';
import { createCompany, createConnection, createLinkedConnection, UNKNOWN_ID } from './fixtures.js';
import { expectResponseToMatchEachOas, inEveryDocument } from './oas/validator.js';

async function setUp() {
  const emulator = testEmulator();
  const companyId = await createCompany(emulator.json);
  const base = `/companies/${companyId}/connections`;
  const get = async (path: string) =>
    expectResponseToMatchEachOas(
      await emulator.request(path),
      ...inEveryDocument('get-connection'),
    );
  const list = async (path: string) =>
    expectResponseToMatchEachOas(
      await emulator.request(path),
      ...inEveryDocument('list-connections'),
    );
  return { ...emulator, companyId, base, get, list };
}

describe('reading connections against the OAS', () => {
  it('list-connections 200 (paged, filtered), 400 for bad query or paging, 404 for an unknown company', async () => {
    const { json, companyId, base, list } = await setUp();
    for (const key of ['gbol', 'hcws', 'exgd']) await createConnection(json, companyId, key);
    expect((await list(`${base}?page=2&pageSize=2`)).body).toMatchObject({
      totalResults: 3,
      results: [expect.objectContaining({ integrationKey: 'exgd' })],
    });
    const filtered = await list(`${base}?query=${encodeURIComponent('sourceType=BankFeed')}`);
    expect(filtered.body).toMatchObject({ totalResults: 1 });
    for (const bad of [
      'query=' + encodeURIComponent('status=Linked||'),
      'query=nope%3D1',
      'pageSize=0',
    ]) {
      expect((await list(`${base}?${bad}`)).status, bad).toBe(400);
    }
    expect((await list(`/companies/${UNKNOWN_ID}/connections`)).status).toBe(404);
  });

  it('get-connection 200 in every status, with active and resolved dataConnectionErrors', async () => {
    const { emu, request, json, companyId, base, get } = await setUp();
    const relink = (id: string) =>
      json(`${base}/${id}/authorization`, { method: 'PUT', body: { accessToken: 'again' } });
    const pendingId = await createConnection(json, companyId, 'gbol');
    const linkedId = await createLinkedConnection(json, companyId, 'qhyg');
    const unlinkedId = await createLinkedConnection(json, companyId, 'suuo');
    await request(`${base}/${unlinkedId}`, { method: 'PATCH', body: { status: 'Unlinked' } });
    const deauthorizedId = await createLinkedConnection(json, companyId, 'exgd');
    deauthorizeConnection(emu, emu.store.connections.get(deauthorizedId)!);
    const relinkedId = await createLinkedConnection(json, companyId, 'zsth');
    deauthorizeConnection(emu, emu.store.connections.get(relinkedId)!);
    await relink(relinkedId);

    const expected: Array<[string, string]> = [
      [pendingId, 'PendingAuth'],
      [linkedId, 'Linked'],
      [unlinkedId, 'Unlinked'],
      [deauthorizedId, 'Deauthorized'],
      [relinkedId, 'Linked'],
    ];
    for (const [id, status] of expected) {
      expect((await get(`${base}/${id}`)).body).toMatchObject({ id, status });
    }
    expect((await get(`${base}/${deauthorizedId}`)).body).toMatchObject({
      dataConnectionErrors: [expect.objectContaining({ statusCode: '401', status: 'Active' })],
    });
    expect((await get(`${base}/${relinkedId}`)).body).toMatchObject({
      dataConnectionErrors: [
        expect.objectContaining({ status: 'Resolved', resolvedOnUtc: expect.any(String) }),
      ],
    });
    // The company embeds the same connections; validate that rendering too.
    await expectResponseToMatchEachOas(
      await request(`/companies/${companyId}`),
      ...inEveryDocument('get-company'),
    );
  });

  it('get-connection 404 for unknown ids and for another company’s connection', async () => {
    const { json, base, get } = await setUp();
    const otherCompany = await createCompany(json, 'Other');
    const otherConnection = await createConnection(json, otherCompany, 'gbol');
    for (const path of [
      `${base}/${UNKNOWN_ID}`,
      `${base}/${otherConnection}`,
      `/companies/${UNKNOWN_ID}/connections/${otherConnection}`,
      `${base}/nope`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
