import { describe, expect, it } from 'vitest';
import { createCompany, createConnection, linkedCompany, UNKNOWN_ID } from './fixtures.js';
import { expectResponseToMatchOas } from './oas/validator.js';

describe('refreshing data against the OAS', () => {
  it('refresh-company-data 204 without a body, 400 with no linked connection, 404 for an unknown company', async () => {
    const { request, json, base } = await linkedCompany(1_000);
    const refresh = async (path: string) =>
      (
        await expectResponseToMatchOas(
          'platform',
          'refresh-company-data',
          await request(path, { method: 'POST' }),
        )
      ).status;
    expect(await refresh(`${base}/data/all`)).toBe(204);
    const unlinkedCompany = await createCompany(json, 'Unlinked Co');
    await createConnection(json, unlinkedCompany, 'gbol');
    expect(await refresh(`/companies/${unlinkedCompany}/data/all`)).toBe(400);
    expect(await refresh(`/companies/${UNKNOWN_ID}/data/all`)).toBe(404);
  });

  it('refresh-data-type 200 with and without connectionId', async () => {
    const { request, base, connectionId } = await linkedCompany(1_000);
    const queue = async (path: string) =>
      expectResponseToMatchOas(
        'platform',
        'refresh-data-type',
        await request(path, { method: 'POST' }),
      );
    expect((await queue(`${base}/data/queue/invoices`)).body).toMatchObject({
      dataType: 'invoices',
      status: 'Queued',
      connectionId,
      isCompleted: false,
      isErrored: false,
    });
    const one = await queue(`${base}/data/queue/bills?connectionId=${connectionId}`);
    expect(one.body).toMatchObject({ dataType: 'bills' });
  });

  it('refresh-data-type 400: unknown or unsupported data type, already in progress, no linked connection', async () => {
    const { request, json, base } = await linkedCompany(1_000);
    const post = (path: string) => request(path, { method: 'POST' });
    await post(`${base}/data/queue/invoices`);
    const pendingOnly = await createCompany(json, 'Pending Co');
    await createConnection(json, pendingOnly, 'gbol');
    for (const path of [
      `${base}/data/queue/notAType`,
      `${base}/data/queue/banking-accounts`,
      `${base}/data/queue/invoices`,
      `/companies/${pendingOnly}/data/queue/invoices`,
    ]) {
      expect(
        (await expectResponseToMatchOas('platform', 'refresh-data-type', await post(path))).status,
        path,
      ).toBe(400);
    }
  });

  it('refresh-data-type 404 for an unknown company or connection', async () => {
    const { request, base } = await linkedCompany(1_000);
    for (const path of [
      `/companies/${UNKNOWN_ID}/data/queue/invoices`,
      `${base}/data/queue/invoices?connectionId=${UNKNOWN_ID}`,
    ]) {
      const response = await request(path, { method: 'POST' });
      expect(
        (await expectResponseToMatchOas('platform', 'refresh-data-type', response)).status,
      ).toBe(404);
    }
  });
});
