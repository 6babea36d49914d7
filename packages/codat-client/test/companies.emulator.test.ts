import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCodatClient } from '../src/client.js';
import { parseCodatDate } from '../src/dates.js';
import { CodatError } from '../src/errors.js';
import { startEmulatorHarness, type EmulatorHarness } from './emulator.js';

let harness: EmulatorHarness;
beforeEach(async () => (harness = await startEmulatorHarness()));
afterEach(async () => harness.close());

describe('companies against the emulator', () => {
  it('creates, reads, replaces, updates and deletes a company', async () => {
    const { client } = harness;
    const created = await client.companies.create({
      name: 'Company (Codat[1])',
      description: 'crm-42',
      tags: { uid: 'm-1' },
    });
    expect(created.name).toBe('Company Codat1');
    expect(created.created).toMatch(/\.\d{7}Z$/);
    expect(parseCodatDate(created.created)).toBeInstanceOf(Date);
    expect(created.dataConnections).toEqual([]);

    expect((await client.companies.get(created.id)).tags).toEqual({ uid: 'm-1' });
    expect((await client.companies.update(created.id, { description: 'crm-43' })).tags).toEqual({
      uid: 'm-1',
    });
    const replaced = await client.companies.replace(created.id, { name: 'Renamed' });
    expect(replaced).toMatchObject({ name: 'Renamed' });
    expect(replaced.tags ?? undefined).toBeUndefined();

    await client.companies.delete(created.id);
    const error = await client.companies.get(created.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodatError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      service: 'ClientsApi',
      operation: 'companies.get',
      codatError: `No company was found with ID ${created.id}`,
    });
    expect((error as CodatError).correlationId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('lists with query and tags, and walks every page', async () => {
    const { client } = harness;
    for (let i = 0; i < 12; i += 1) {
      await client.companies.create({
        name: `Company ${i}`,
        tags: { region: i % 3 === 0 ? 'uk' : 'us' },
      });
    }
    const byTag = await client.companies.list({ tags: 'region=uk' });
    expect(byTag.totalResults).toBe(4);
    const byName = await client.companies.list({ query: 'name~Company 1', pageSize: 100 });
    expect(byName.results.map((c) => c.name).sort()).toEqual([
      'Company 1',
      'Company 10',
      'Company 11',
    ]);

    const pages = [];
    for await (const page of client.companies.pages({ pageSize: 5 })) pages.push(page);
    expect(pages.map((p) => p.results.length)).toEqual([5, 5, 2]);
    expect(new Set(pages.flatMap((p) => p.results.map((c) => c.id))).size).toBe(12);

    const all = [];
    for await (const page of client.companies.pages({ pageSize: 5000 })) all.push(...page.results);
    expect(all).toHaveLength(12);
  });

  it('turns a malformed query into a 400 CodatError', async () => {
    await expect(harness.client.companies.list({ query: 'foo=1' })).rejects.toMatchObject({
      status: 400,
      codatError: 'Error parsing query - Could not resolve property foo on Company',
    });
  });

  it('gets a company access token', async () => {
    const { client } = harness;
    const company = await client.companies.create({ name: 'Tokened' });
    const token = await client.companies.accessToken(company.id);
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 86400 });
    expect(token.accessToken.length).toBeGreaterThan(0);
  });

  it('answers a wrong key with 401 Unauthorized', async () => {
    const client = createCodatClient({
      baseUrl: harness.running.url,
      apiKey: `${WELL_KNOWN_API_KEY}-wrong`,
    });
    await expect(client.companies.list()).rejects.toMatchObject({
      status: 401,
      codatError: 'Unauthorized',
      service: 'PublicApi',
    });
    await client.close();
  });
});

describe('integrations against the emulator', () => {
  it('lists, pages, gets and brands integrations', async () => {
    const { client } = harness;
    const first = await client.integrations.list({ pageSize: 10 });
    expect(first.results).toHaveLength(10);
    let total = 0;
    for await (const page of client.integrations.pages({ pageSize: 10 }))
      total += page.results.length;
    expect(total).toBe(first.totalResults);

    const xero = await client.integrations.get('gbol');
    expect(xero).toMatchObject({
      key: 'gbol',
      name: 'Xero',
      enabled: true,
      sourceType: 'Accounting',
    });
    const branding = await client.integrations.branding('gbol');
    expect(branding.logo?.full?.image?.src).toMatch(/^https?:\/\//);
    await expect(client.integrations.get('zzzz')).rejects.toMatchObject({ status: 404 });
  });
});
