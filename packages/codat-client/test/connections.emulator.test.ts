import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCodatDate } from '../src/dates.js';
import { startEmulatorHarness, type EmulatorHarness } from './emulator.js';

let harness: EmulatorHarness;
beforeEach(async () => (harness = await startEmulatorHarness()));
afterEach(async () => harness.close());

describe('connections against the emulator', () => {
  it('creates a PendingAuth connection, links, unlinks and deletes it', async () => {
    const { client } = harness;
    const company = await client.companies.create({ name: 'Acme' });
    const created = await client.connections.create(company.id, { platformKey: 'gbol' });
    expect(created).toMatchObject({
      status: 'PendingAuth',
      integrationKey: 'gbol',
      platformName: 'Xero',
      sourceType: 'Accounting',
    });
    expect(created.lastSync ?? undefined).toBeUndefined();
    expect(parseCodatDate(created.created)).toBeInstanceOf(Date);
    expect(created.linkUrl).toContain(created.id);

    expect(await client.connections.get(company.id, created.id)).toMatchObject({ id: created.id });
    const listed = await client.connections.list(company.id);
    expect(listed).toMatchObject({ totalResults: 1, results: [{ id: created.id }] });
    expect((await client.companies.get(company.id)).dataConnections?.map((c) => c.id)).toEqual([
      created.id,
    ]);

    const linked = await client.connections.updateAuthorization(company.id, created.id, {
      accessToken: 'a',
      businessId: 'b',
    });
    expect(linked.status).toBe('Linked');
    const unlinked = await client.connections.unlink(company.id, created.id);
    expect(unlinked.status).toBe('Unlinked');

    await client.connections.delete(company.id, created.id);
    await expect(client.connections.get(company.id, created.id)).rejects.toMatchObject({
      status: 404,
      operation: 'connections.get',
    });
    expect((await client.connections.list(company.id)).totalResults).toBe(0);
  });

  it('walks connection pages', async () => {
    const { client } = harness;
    const company = await client.companies.create({ name: 'Many banks' });
    for (let i = 0; i < 7; i += 1)
      await client.connections.create(company.id, { platformKey: 'upvr' });
    const sizes = [];
    for await (const page of client.connections.pages(company.id, { pageSize: 3 }))
      sizes.push(page.results.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('rejects an unknown platform key and an unknown company', async () => {
    const { client } = harness;
    const company = await client.companies.create({ name: 'Acme' });
    await expect(
      client.connections.create(company.id, { platformKey: 'zzzz' }),
    ).rejects.toMatchObject({ kind: 'http', status: 404 });
    await expect(
      client.connections.list('846ed55c-974b-4392-a1f1-87b6fdbf3c5e'),
    ).rejects.toMatchObject({ status: 404 });
  });
});
