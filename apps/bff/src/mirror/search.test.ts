import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { startStack, type Stack } from '../../test/stack.js';
import { toCompanyRecords } from '../resources/companies/to-record.js';
import { MIRROR_COUNT_LIMIT, searchMirror, type MirrorSearch } from './search.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
});
afterAll(async () => {
  await stack.close();
});

const search = (input: Partial<MirrorSearch>) => searchMirror(stack.deps, { start: 0, end: 999, ...input });
const ids = (records: { id: string }[]) => records.map((record) => record.id).sort();

/** What a search should find, from the emulator's own state (as the Codat-backed list test does). */
function genuineMatches(q: string): string[] {
  const text = q.trim().toLowerCase();
  return [...stack.emu.store.companies.values()]
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

describe('searchMirror', () => {
  it('answers undefined until the mirror has completed a sync', async () => {
    expect(await search({ q: 'harbourside' })).toBeUndefined();
    await syncOnce(syncContext(stack));
  });

  it.each(['harbourside', F.duplicateCustomer.merchantId, F.activeError.companyId, F.userCancelled.connectionId, 'M-1000', "O'Brien", '%', '_', 'ltd'])(
    '%j finds only (and all) genuine matches',
    async (q) => {
      const result = (await search({ q }))!;
      expect(ids(result.records)).toEqual(genuineMatches(q));
      expect(result.total).toBe(genuineMatches(q).length);
    },
  );

  it('builds the same records as the Codat-backed list', async () => {
    const result = (await search({ q: F.pendingBankFeed.merchantId }))!;
    const fromCodat = await toCompanyRecords(stack.deps, [await stack.deps.codat.companies.get(F.pendingBankFeed.companyId)]);
    expect(result.records).toEqual(fromCodat);
    expect(result.refreshedAt).toMatch(/^\d{4}-/);
  });

  it('filters by status and platform like Codat', async () => {
    const none = (await search({ status: 'NoConnections' }))!;
    expect(ids(none.records)).toEqual([...stack.emu.store.companies.values()].filter((c) => c.connectionIds.length === 0).map((c) => c.id).sort());
    const feeds = (await search({ platform: 'hcws' }))!;
    expect(ids(feeds.records)).toEqual(
      [...stack.emu.store.companies.values()].filter((c) => c.connectionIds.some((id) => stack.emu.store.connections.get(id)!.integrationKey === 'hcws')).map((c) => c.id).sort(),
    );
    const deauthorized = (await search({ status: 'Deauthorized' }))!;
    expect(deauthorized.records.every((c) => c.platforms.some((p) => p.status === 'Deauthorized'))).toBe(true);
  });

  it('sorts and pages in SQL', async () => {
    const byName = (await search({ sort: { field: 'name', order: 'ASC' } }))!;
    const names = byName.records.map((c) => c.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(byName.total).toBe(stack.emu.store.companies.size);
    const page = (await search({ sort: { field: 'name', order: 'ASC' }, start: 5, end: 9 }))!;
    expect(page.records.map((c) => c.id)).toEqual(byName.records.slice(5, 10).map((c) => c.id));
    const byCreated = (await search({ sort: { field: 'created', order: 'DESC' } }))!;
    const created = byCreated.records.map((c) => Date.parse(c.created!));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('counts the whole list again once a company comes or goes', async () => {
    const total = async () => (await search({ end: 0 }))!.total;
    expect(await total()).toBe(stack.emu.store.companies.size);
    const added = await stack.deps.codat.companies.create({ name: 'Counted after a sync' });
    await stack.deps.codat.companies.delete(F.noConnections.companyId);
    await stack.deps.codat.companies.delete(F.activeError.companyId);
    expect(await total()).toBe(stack.emu.store.companies.size + 1);
    await syncOnce(syncContext(stack));
    expect(await total()).toBe(stack.emu.store.companies.size);
    expect((await search({ q: added.id }))!.total).toBe(1);
  });
});

describe('searchMirror on a larger fleet', () => {
  it('counts a broad filter only up to the limit, and says so', async () => {
    const fleet = await startStack({ scenario: 'fleet', companies: 1100, settings: { mirror: { ...TEST_MIRROR_SETTINGS, pageSize: 5000 } } });
    try {
      await syncOnce(syncContext(fleet));
      const all = (await searchMirror(fleet.deps, { start: 0, end: 24 }))!;
      expect(all).toMatchObject({ total: 1100, capped: false });
      const broad = (await searchMirror(fleet.deps, { q: 'e', start: 0, end: 24 }))!;
      expect(broad).toMatchObject({ total: MIRROR_COUNT_LIMIT, capped: true });
      expect(broad.records).toHaveLength(25);
      const lastPage = (await searchMirror(fleet.deps, { q: 'e', start: MIRROR_COUNT_LIMIT - 10, end: MIRROR_COUNT_LIMIT + 14 }))!;
      expect(lastPage.records).toHaveLength(10);
      expect((await searchMirror(fleet.deps, { q: 'e', start: MIRROR_COUNT_LIMIT, end: MIRROR_COUNT_LIMIT + 24 }))!.records).toEqual([]);
    } finally {
      await fleet.close();
    }
  });
});
