import { createCodatClient, type Connection } from '@console/codat-client';
import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../test/stack.js';
import { INTEGRATION_CACHE_MS, integrationCatalog } from '../../codat/integration-catalog.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const list = (filter: unknown, extra = '') => stack.json(`/api/integrations?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`);
const integrationListCalls = () => stack.metrics.codatCalls.get({ operation: 'integrations.list', status: '200' });

describe('GET /api/integrations', () => {
  it('filters by sourceType, enabled and q', async () => {
    const response = await list({ sourceType: 'BankFeed', enabled: true, q: 'quickbooks' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      {
        id: 'hcws',
        key: 'hcws',
        name: 'QuickBooks Online Bank Feeds',
        logoUrl: '/api/integrations/hcws/logo',
        sourceType: 'BankFeed',
        enabled: true,
        isBeta: false,
        isOfflineConnector: false,
        sandbox: false,
      },
    ]);
    const disabled = await list({ enabled: false });
    expect(disabled.body.map((i: any) => i.key)).toEqual(['lqai']);
    const xero = await list({ q: 'XERO' });
    expect(xero.body.map((i: any) => i.key)).toEqual(['gbol']);
    const sandboxes = await list({ sandbox: true }, '&range=[0,99]');
    expect(sandboxes.body.map((i: any) => i.key)).toEqual(expect.arrayContaining(['mqjo', 'ndsk']));
  });

  it('sorts and pages', async () => {
    const all = await list({}, `&sort=${encodeURIComponent('["name","ASC"]')}&range=[0,99]`);
    const names = all.body.map((i: any) => i.name.toLowerCase());
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    const page = await list({}, `&sort=${encodeURIComponent('["name","ASC"]')}&range=[5,9]`);
    expect(page.body).toEqual(all.body.slice(5, 10));
    expect(page.headers.get('content-range')).toBe(`integrations 5-9/${all.body.length}`);
  });

  it('answers from a cache for a few minutes', async () => {
    await list({});
    const before = integrationListCalls();
    await list({ q: 'sage' });
    await stack.json('/api/integrations/gbol');
    expect(integrationListCalls()).toBe(before);
    stack.emu.clock.advance(INTEGRATION_CACHE_MS + 1);
    await list({});
    expect(integrationListCalls()).toBe(before + 1);
  });

  it('refuses unknown filters', async () => {
    expect((await list({ enabled: 'yes' })).status).toBe(400);
    expect((await list({ linkUrl: 'x' })).status).toBe(400);
  });
});

describe('GET /api/integrations/:key', () => {
  it('answers one integration with its branding', async () => {
    const response = await stack.json('/api/integrations/olpr');
    expect(response.body).toMatchObject({ id: 'olpr', name: 'SageBankFeed', sourceType: 'BankFeed' });
    expect(response.body.branding.logoSquare).toMatch(new RegExp(`^${stack.emulatorUrl}/public/officialLogos/Square/[0-9A-F-]+\\.png$`));
  });

  it('answers 404 for an unknown key and 400 for a malformed one', async () => {
    expect((await stack.json('/api/integrations/zzzz')).status).toBe(404);
    expect((await stack.json('/api/integrations/Xero1')).status).toBe(400);
  });
});

describe('platform keys of connections without integrationKey', () => {
  it('are resolved from the integration id', async () => {
    const codat = createCodatClient({ baseUrl: stack.emulatorUrl, apiKey: WELL_KNOWN_API_KEY });
    try {
      const xero = (await codat.integrations.get('gbol')).integrationId!;
      const connection = { id: 'c', integrationId: xero, integrationKey: undefined } as unknown as Connection;
      const resolve = await integrationCatalog(codat, Date.now).keyResolver([connection]);
      expect(resolve(connection)).toBe('gbol');
      expect(resolve({ ...connection, integrationId: 'unknown' })).toBeNull();
    } finally {
      await codat.close();
    }
  });
});

describe('GET /api/integrations/:key/logo', () => {
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const brandingCalls = () => stack.metrics.codatCalls.get({ operation: 'integrations.branding', status: '200' });

  it("serves the square logo from Codat's branding, downloaded once and then from the cache", async () => {
    const first = await stack.request('/api/integrations/gbol/logo');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('cache-control')).toBe('private, max-age=86400');
    expect([...new Uint8Array(await first.arrayBuffer()).slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const calls = brandingCalls();
    expect((await stack.request('/api/integrations/gbol/logo')).status).toBe(200);
    expect(brandingCalls()).toBe(calls);
  });

  it('answers the bundled placeholder for a platform Codat has no branding for, and refuses a malformed key', async () => {
    const unknown = await stack.request('/api/integrations/zzzz/logo');
    expect(unknown.status).toBe(200);
    expect(unknown.headers.get('content-type')).toBe('image/svg+xml');
    expect(await unknown.text()).toMatch(/^<svg /);
    expect((await stack.request('/api/integrations/not-a-key/logo')).status).toBe(400);
    expect((await stack.as('anonymous').then((anonymous) => anonymous.request('/api/integrations/gbol/logo'))).status).toBe(401);
  });

  it("answers the placeholder when Codat's image host cannot be reached (offline)", async () => {
    // Branding that points at a host nobody listens on, as static.codat.io is offline.
    const offline = await startStack({ scenario: 'empty', emulator: { publicUrl: 'http://127.0.0.1:9' } });
    try {
      const logo = await offline.request('/api/integrations/gbol/logo');
      expect(logo.status).toBe(200);
      expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    } finally {
      await offline.close();
    }
  });
});
