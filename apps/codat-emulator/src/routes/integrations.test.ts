import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../test/support.js';
import { authorizeConnection } from '../domain/connection-lifecycle.js';
import { PLATFORMS } from '../domain/platforms.js';

describe('integrations', () => {
  it('lists every platform, paged, filtered case-insensitively by sourceType and enabled', async () => {
    const { json } = testEmulator();
    const all = await json('/integrations?pageSize=10');
    expect(all.body.totalResults).toBe(PLATFORMS.length);
    expect(all.body.results).toHaveLength(10);
    expect(all.body._links.next.href).toBe('/integrations?page=2&pageSize=10');

    const accounting = await json(`/integrations?query=${encodeURIComponent('sourceType=accounting&&enabled=true')}`);
    const expected = PLATFORMS.filter((p) => p.sourceType === 'Accounting' && p.enabled).length;
    expect(accounting.body.totalResults).toBe(expected);
    expect(accounting.body.results.every((i: { sourceType: string }) => i.sourceType === 'Accounting')).toBe(true);

    const disabled = await json(`/integrations?query=${encodeURIComponent('enabled=false')}`);
    expect(disabled.body.results.map((i: { key: string }) => i.key)).toEqual(['lqai']);
    const bad = await json(`/integrations?query=${encodeURIComponent('colour=red')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('Error parsing query - Could not resolve property colour on Integration');
  });

  it('gets one integration with features and live connection counts', async () => {
    const { json, emu } = testEmulator();
    const { body: company } = await json('/companies', { method: 'POST', body: { name: 'Counted' } });
    const first = await json(`/companies/${company.id}/connections`, { method: 'POST', body: { platformKey: 'gbol' } });
    await json(`/companies/${company.id}/connections`, { method: 'POST', body: { platformKey: 'gbol' } });
    authorizeConnection(emu, emu.store.connections.get(first.body.id)!);

    const xero = await json('/integrations/gbol');
    expect(xero.status).toBe(200);
    expect(xero.body).toMatchObject({
      key: 'gbol',
      name: 'Xero',
      enabled: true,
      logoUrl: 'http://emulator.test/public/platforms/gbol.png',
      sourceType: 'Accounting',
      sourceId: '8a156a5a-39cb-4f9d-856e-76ef9b9a9607',
      integrationId: '0f20c943-12d0-4800-9f6c-d218f62d494c',
      supportedEnvironments: 'LiveAndSandbox',
      linkedConnectionsCount: 1,
      totalConnectionsCount: 2,
    });
    expect(xero.body.datatypeFeatures).toContainEqual({
      datatype: 'invoices',
      supportedFeatures: [
        { featureType: 'Get', featureState: 'Release' },
        { featureType: 'Post', featureState: 'Release' },
      ],
    });
    expect((await json('/integrations/zzzz')).status).toBe(404);
  });

  it('returns branding addressed by the upper-case source id', async () => {
    const { json } = testEmulator();
    const branding = await json('/integrations/gbol/branding');
    expect(branding.status).toBe(200);
    expect(branding.body.sourceId).toBe('8a156a5a-39cb-4f9d-856e-76ef9b9a9607');
    expect(branding.body.logo.full.image).toEqual({
      src: 'http://emulator.test/public/officialLogos/Full/8A156A5A-39CB-4F9D-856E-76EF9B9A9607.png',
      alt: 'xero full icon',
    });
    expect(branding.body.button.default.image.src).toContain('/officialButtons/Full/');
    const missing = await json('/integrations/nope/branding');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'NotFound' });
  });

  it('serves every logo and branding image it points at itself, without a key (static.codat.io offline)', async () => {
    const { json, app } = testEmulator();
    const xero = (await json('/integrations/gbol')).body;
    const branding = (await json('/integrations/gbol/branding')).body;
    const urls = [xero.logoUrl, branding.logo.full.image.src, branding.logo.square.image.src, branding.button.default.image.src, branding.button.hover.image.src];
    for (const url of urls) {
      const image = await app.request(url);
      expect(image.status, url).toBe(200);
      expect(image.headers.get('Content-Type')).toBe('image/png');
      expect([...new Uint8Array(await image.arrayBuffer()).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
    expect((await app.request('http://emulator.test/public/platforms/zzzz.png')).status).toBe(404);
  });
});
