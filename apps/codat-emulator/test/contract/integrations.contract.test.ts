import { describe, expect, it } from 'vitest';
import { testEmulator } from '../support.js';
import { createCompany, createLinkedConnection, UNKNOWN_ID } from './fixtures.js';
import { expectResponseToMatchEachOas, expectResponseToMatchOas } from './oas/validator.js';

describe('integrations, branding and the company access token against the OAS', () => {
  it('list-integrations 200 for every page and filter, 400 for a bad query or paging', async () => {
    const { request, json } = testEmulator();
    await createLinkedConnection(json, await createCompany(json), 'gbol');
    let next: string | undefined = '/integrations?pageSize=7';
    let pages = 0;
    while (next) {
      const { body } = await expectResponseToMatchOas(
        'platform',
        'list-integrations',
        await request(next),
      );
      next = (body as { _links: { next?: { href: string } } })._links.next?.href;
      pages += 1;
    }
    expect(pages).toBeGreaterThan(1);
    const filtered = await expectResponseToMatchOas(
      'platform',
      'list-integrations',
      await request(
        `/integrations?query=${encodeURIComponent('sourceType=Accounting&&enabled=true')}&orderBy=-name`,
      ),
    );
    const results = (filtered.body as { results: Array<{ sourceType: string }> }).results;
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((integration) => integration.sourceType === 'Accounting')).toBe(true);
    for (const bad of ['query=' + encodeURIComponent('enabled='), 'query=nope%3D1', 'page=-1']) {
      expect(
        (
          await expectResponseToMatchOas(
            'platform',
            'list-integrations',
            await request(`/integrations?${bad}`),
          )
        ).status,
        bad,
      ).toBe(400);
    }
  });

  it('get-integration 200 for every source type, 404 for an unknown key', async () => {
    const { request } = testEmulator();
    for (const key of ['gbol', 'hcws', 'olpr', 'suuo', 'exgd', 'pqsw', 'lqai']) {
      const { body } = await expectResponseToMatchOas(
        'platform',
        'get-integration',
        await request(`/integrations/${key}`),
      );
      expect(body).toMatchObject({ key });
    }
    expect(
      (
        await expectResponseToMatchOas(
          'platform',
          'get-integration',
          await request('/integrations/zzzz'),
        )
      ).status,
    ).toBe(404);
  });

  it('get-integrations-branding 200, 404 for an unknown key', async () => {
    const { request } = testEmulator();
    const { body } = await expectResponseToMatchOas(
      'platform',
      'get-integrations-branding',
      await request('/integrations/hcws/branding'),
    );
    expect(body).toMatchObject({ sourceId: '56e6575a-3f1f-4918-b009-f7535555f0d6' });
    const missing = await request('/integrations/nope/branding');
    expect(
      (await expectResponseToMatchOas('platform', 'get-integrations-branding', missing)).status,
    ).toBe(404);
  });

  it('get-company-access-token 200, 404 for an unknown company', async () => {
    const { request, json } = testEmulator();
    const companyId = await createCompany(json);
    const targets = [
      ['platform', 'get-company-access-token'],
      ['bankFeeds', 'get-company-access-token'],
    ] as const;
    const { body } = await expectResponseToMatchEachOas(
      await request(`/companies/${companyId}/accessToken`),
      ...targets,
    );
    expect(body).toMatchObject({ expiresIn: 86400, tokenType: 'Bearer' });
    const missing = await request(`/companies/${UNKNOWN_ID}/accessToken`);
    expect((await expectResponseToMatchEachOas(missing, ...targets)).status).toBe(404);
  });

  it('get-connection-management-access-token (retired 2026-10-12) 404 NotFound', async () => {
    const { request, json } = testEmulator();
    const companyId = await createCompany(json);
    const retired = await request(`/companies/${companyId}/connectionManagement/accessToken`);
    const { status, body } = await expectResponseToMatchOas(
      'platform',
      'get-connection-management-access-token',
      retired,
    );
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: 'NotFound', service: 'PublicApi' });
  });
});
