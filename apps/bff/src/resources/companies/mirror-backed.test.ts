import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';

const list = (q: string) => `/api/companies?filter=${encodeURIComponent(JSON.stringify({ q }))}&range=${encodeURIComponent('[0,24]')}`;

describe('companies list once the mirror has synced', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
  });
  afterAll(() => stack.close());

  it('answers from Codat before the first sync, then from the mirror with its refresh time', async () => {
    expect((await stack.request(list('a'))).headers.get('X-Mirror-Refreshed-At')).toBeNull();
    await syncOnce(syncContext(stack));
    expect((await stack.request(list('a'))).headers.get('X-Mirror-Refreshed-At')).toBeTruthy();
  });

  it("answers one company from the mirror without calling Codat, and live=true from Codat with its connections", async () => {
    const linked = `/api/companies?filter=${encodeURIComponent(JSON.stringify({ status: 'Linked' }))}&range=${encodeURIComponent('[0,0]')}`;
    const [company] = (await stack.json(linked)).body as Array<{ id: string; name: string; connectionCount: number; platforms: Array<{ connectionId: string }> }>;
    const codatCalls = () => stack.metrics.render().match(/^console_codat_requests_total\{.*\} \d+$/gm)?.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0) ?? 0;

    const before = codatCalls();
    const mirrored = await stack.json(`/api/companies/${company!.id}`);
    expect(mirrored.status).toBe(200);
    expect(mirrored.headers.get('X-Mirror-Refreshed-At')).toMatch(/^\d{4}-/);
    expect(mirrored.body).toEqual(company);
    expect(codatCalls()).toBe(before);
    expect(mirrored.headers.get('Server-Timing')).toBeNull();

    const live = await stack.json(`/api/companies/${company!.id}?live=true`);
    expect(live.headers.get('X-Mirror-Refreshed-At')).toBeNull();
    expect(live.body.platforms).toEqual(mirrored.body.platforms);
    expect(live.body.connections.map((connection: { connectionId: string }) => connection.connectionId)).toEqual(
      company!.platforms.map((platform) => platform.connectionId),
    );
    expect(codatCalls()).toBe(before + 1);
    expect(live.headers.get('Server-Timing')).toMatch(/^codat;dur=[\d.]+;desc="calls=1 roundTrips=1"$/);
    expect((await stack.json(`/api/companies/${company!.id}?live=yes`)).status).toBe(400);
  });

  it('shows a company created through the console at once, and drops it once deleted', async () => {
    const created = await stack.json('/api/companies', { method: 'POST', body: { name: 'Mirrored Marmalade Ltd' } });
    expect(created.status).toBe(201);
    const found = await stack.json(list('Marmalade'));
    expect(found.body.map((company: { id: string }) => company.id)).toEqual([created.body.id]);

    expect((await stack.json(`/api/companies/${created.body.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await stack.json(list('Marmalade'))).body).toEqual([]);
  });
});
