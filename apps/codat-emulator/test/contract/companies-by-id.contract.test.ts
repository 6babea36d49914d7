import { describe, expect, it } from 'vitest';
import { testEmulator } from '../support.js';
import { createCompany, createConnection, UNKNOWN_ID } from './fixtures.js';
import {
  expectResponseToMatchEachOas,
  expectResponseToMatchOas,
  expectUndeclaredCodatError,
  inEveryDocument,
} from './oas/validator.js';

describe('companies by id against the OAS', () => {
  it('get-company 200 with a connection, 404 for unknown and malformed ids', async () => {
    const { request, json } = testEmulator();
    const companyId = await createCompany(json);
    await createConnection(json, companyId, 'hcws');
    const get = async (id: string) =>
      expectResponseToMatchEachOas(
        await request(`/companies/${id}`),
        ...inEveryDocument('get-company'),
      );
    expect((await get(companyId)).body).toMatchObject({
      id: companyId,
      dataConnections: [expect.objectContaining({ status: 'PendingAuth' })],
    });
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) expect((await get(id)).status).toBe(404);
  });

  it('replace-company (PUT) 200 and 404; 400 for a body without a name is undeclared', async () => {
    const { request, json } = testEmulator();
    const companyId = await createCompany(json);
    const put = (id: string, body: unknown) => request(`/companies/${id}`, { method: 'PUT', body });
    const replaced = await expectResponseToMatchEachOas(
      await put(companyId, { name: 'Renamed', tags: { a: 'b' } }),
      ['platform', 'replace-company'],
      ['bankFeeds', 'replace-company'],
      ['bankFeedsV2', 'update-company'],
    );
    expect(replaced.body).toMatchObject({ name: 'Renamed', tags: { a: 'b' } });
    const missing = await put(UNKNOWN_ID, { name: 'X' });
    expect((await expectResponseToMatchOas('platform', 'replace-company', missing)).status).toBe(
      404,
    );
    const nameless = await put(companyId, { description: 'no name' });
    await expectUndeclaredCodatError('platform', 'replace-company', nameless, 400);
  });

  it('update-company (PATCH) 200 and 404; 400 for malformed JSON is undeclared', async () => {
    const { request, json } = testEmulator();
    const companyId = await createCompany(json);
    const patch = (id: string, body: unknown) =>
      request(`/companies/${id}`, { method: 'PATCH', body });
    const updated = await expectResponseToMatchEachOas(
      await patch(companyId, { description: 'new', tags: null }),
      ['platform', 'update-company'],
      ['bankFeeds', 'update-company'],
    );
    expect(updated.body).toMatchObject({ description: 'new' });
    const missing = await patch(UNKNOWN_ID, {});
    expect((await expectResponseToMatchOas('platform', 'update-company', missing)).status).toBe(
      404,
    );
    await expectUndeclaredCodatError(
      'platform',
      'update-company',
      await patch(companyId, '{nope'),
      400,
    );
  });

  it('delete-company 204 without a body, then 404', async () => {
    const { request, json } = testEmulator();
    const companyId = await createCompany(json);
    const remove = async () =>
      expectResponseToMatchEachOas(
        await request(`/companies/${companyId}`, { method: 'DELETE' }),
        ...inEveryDocument('delete-company'),
      );
    expect((await remove()).status).toBe(204);
    expect((await remove()).status).toBe(404);
  });
});
