import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../test/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const list = (params: { filter?: unknown; range?: [number, number]; sort?: [string, string] }) => {
  const query = new URLSearchParams();
  if (params.filter) query.set('filter', JSON.stringify(params.filter));
  if (params.range) query.set('range', JSON.stringify(params.range));
  if (params.sort) query.set('sort', JSON.stringify(params.sort));
  return stack.json(`/api/companies?${query}`);
};
const totalOf = (response: { headers: Headers }) => Number(response.headers.get('content-range')!.split('/')[1]);
const idsOf = (body: { id: string }[]) => body.map((company) => company.id);

/** What a search should find, computed from the emulator's own state. */
function genuineMatches(q: string): string[] {
  const text = q.trim().toLowerCase();
  const { store } = stack.emu;
  return [...store.companies.values()]
    .filter(
      (company) =>
        company.id === text ||
        company.connectionIds.includes(text) ||
        company.name.toLowerCase().includes(text) ||
        (company.description ?? '').toLowerCase().includes(text) ||
        (company.tags?.merchantId ?? '').toLowerCase().includes(text),
    )
    .map((company) => company.id)
    .sort();
}

describe('GET /api/companies — paging and sorting through Codat', () => {
  it('pages with Content-Range and covers every company exactly once', async () => {
    const total = stack.emu.store.companies.size;
    const seen: string[] = [];
    for (let start = 0; start < total; start += 10) {
      const page = await list({ range: [start, start + 9], sort: ['created', 'ASC'] });
      expect(page.status).toBe(200);
      expect(totalOf(page)).toBe(total);
      expect(page.headers.get('x-total-count')).toBe(String(total));
      seen.push(...idsOf(page.body));
    }
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);
  });

  it('asks Codat for one page per aligned range, and answers unaligned ranges correctly', async () => {
    const calls = () => stack.metrics.codatCalls.get({ operation: 'companies.list', status: '200' });
    const before = calls();
    const wide = await list({ range: [0, 24], sort: ['name', 'ASC'] });
    expect(calls() - before).toBe(1);
    const unaligned = await list({ range: [5, 14], sort: ['name', 'ASC'] });
    expect(idsOf(unaligned.body)).toEqual(idsOf(wide.body).slice(5, 15));
    expect(unaligned.headers.get('content-range')).toMatch(/^companies 5-14\/\d+$/);
  });

  it('sorts by name, created and lastSync in both directions', async () => {
    const byName = (await list({ range: [0, 99], sort: ['name', 'DESC'] })).body as { name: string }[];
    const names = byName.map((company) => company.name.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());

    const byCreated = (await list({ range: [0, 99], sort: ['created', 'ASC'] })).body as { created: string }[];
    const created = byCreated.map((company) => Date.parse(company.created));
    expect(created).toEqual([...created].sort((a, b) => a - b));

    const byLastSync = (await list({ range: [0, 99], sort: ['lastSync', 'DESC'] })).body as { lastSync: string | null }[];
    const synced = byLastSync.filter((company) => company.lastSync !== null).map((company) => Date.parse(company.lastSync!));
    expect(synced).toEqual([...synced].sort((a, b) => b - a));
    expect(byLastSync.findIndex((company) => company.lastSync === null)).toBeGreaterThanOrEqual(synced.length);
  });

  it('never includes Link URLs', async () => {
    const text = JSON.stringify((await list({ range: [0, 99] })).body);
    expect(text).not.toMatch(/\/link|"redirect"|linkUrl|otp=/);
  });
});

describe('GET /api/companies — filters', () => {
  it.each([
    ['name', 'harbourside', F.duplicateCustomer.companyIds],
    ['merchant id (tag, and the untagged copy by description)', F.duplicateCustomer.merchantId, F.duplicateCustomer.companyIds],
    ['merchant id of a single company', F.activeError.merchantId, [F.activeError.companyId]],
    ['company id', F.activeError.companyId.toUpperCase(), [F.activeError.companyId]],
    ['connection id', F.userCancelled.connectionId, [F.userCancelled.companyId]],
    ['description', `Merchant ${F.activeError.merchantId}`, [F.activeError.companyId]],
  ])('q matches by %s', async (_what, q, expected) => {
    const response = await list({ filter: { q }, range: [0, 49] });
    expect(response.status).toBe(200);
    expect(idsOf(response.body).sort()).toEqual([...expected].sort());
    expect(totalOf(response)).toBe(expected.length);
  });

  it('q results are sorted and paged in the BFF', async () => {
    const all = await list({ filter: { q: 'M-1000' }, range: [0, 49], sort: ['name', 'ASC'] });
    expect(totalOf(all)).toBe(genuineMatches('M-1000').length);
    const page = await list({ filter: { q: 'M-1000' }, range: [2, 4], sort: ['name', 'ASC'] });
    expect(idsOf(page.body)).toEqual(idsOf(all.body).slice(2, 5));
    expect(page.headers.get('content-range')).toBe(`companies 2-4/${totalOf(all)}`);
  });

  it('status NoConnections finds exactly the companies without connections', async () => {
    const response = await list({ filter: { status: 'NoConnections' }, range: [0, 99] });
    const expected = [...stack.emu.store.companies.values()].filter((c) => c.connectionIds.length === 0).map((c) => c.id);
    expect(idsOf(response.body).sort()).toEqual(expected.sort());
    expect(idsOf(response.body)).toContain(F.noConnections.companyId);
  });

  it('status and platform match a connection', async () => {
    const deauthorized = (await list({ filter: { status: 'Deauthorized' }, range: [0, 99] })).body as any[];
    expect(idsOf(deauthorized)).toContain(F.activeError.companyId);
    for (const company of deauthorized) expect(company.platforms.some((p: any) => p.status === 'Deauthorized')).toBe(true);

    const qbFeeds = (await list({ filter: { platform: 'hcws' }, range: [0, 99] })).body as any[];
    expect(idsOf(qbFeeds)).toContain(F.pendingBankFeed.companyId);
    for (const company of qbFeeds) expect(company.platforms.some((p: any) => p.key === 'hcws')).toBe(true);
  });

  it('combines q with status', async () => {
    const response = await list({ filter: { q: 'harbourside', status: 'NoConnections' } });
    expect(idsOf(response.body).sort()).toEqual(F.duplicateCustomer.companyIds.slice(1).sort());
  });

  it('getMany: filter by ids returns the known ones, whatever the range', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await list({ filter: { id: [F.activeError.companyId, unknown, F.noConnections.companyId] } });
    expect(idsOf(response.body).sort()).toEqual([F.activeError.companyId, F.noConnections.companyId].sort());
  });

  it.each([
    [{ status: 'Bogus' }],
    [{ platform: 'XERO' }],
    [{ region: 'uk' }],
    [{ id: ['not-a-uuid'] }],
    [{ id: [F.activeError.companyId], q: 'x' }],
  ])('refuses the filter %j with a 400', async (filter) => {
    const response = await list({ filter });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
  });

  it('refuses an unknown sort field', async () => {
    expect((await list({ sort: ['redirect', 'ASC'] })).status).toBe(400);
  });
});

describe('GET /api/companies — a crafted search cannot widen results', () => {
  it.each(['x||id!=0', 'a}{', '%7C%7Cid%21%3D0', 'x && id!=0', '{name~a', 'id>0', 'a'.repeat(101)])(
    'refuses %j before calling Codat',
    async (q) => {
      const before = stack.metrics.codatCalls.get({ operation: 'companies.list', status: '200' });
      const response = await list({ filter: { q } });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/may not contain|limited to 100/);
      expect(stack.metrics.codatCalls.get({ operation: 'companies.list', status: '200' })).toBe(before);
    },
  );

  it.each(["O'Brien & Co", 'Yahoo!', 'ltd &', '& ', '?', '@', '-'])('%j finds only (and all) genuine matches', async (q) => {
    const unfiltered = totalOf(await list({}));
    const response = await list({ filter: { q }, range: [0, 999] });
    expect(response.status).toBe(200);
    expect(totalOf(response)).toBeLessThanOrEqual(unfiltered);
    expect(idsOf(response.body).sort()).toEqual(genuineMatches(q));
  });
});
