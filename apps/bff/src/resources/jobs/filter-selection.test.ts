import { MERCHANT_TAG } from '@console/codat-emulator';
import { parseCsv } from '@console/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queuedSince, TEST_JOB_SETTINGS, waitForJob } from '../../../test/jobs.js';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { rows } from '../../mirror/db/sql.js';
import { selectJobItems } from './selection.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ scenario: 'fleet', companies: 120, settings: { mirror: TEST_MIRROR_SETTINGS, jobs: TEST_JOB_SETTINGS } });
  await syncOnce(syncContext(stack));
}, 90_000);
afterAll(async () => {
  await stack.close();
});

type Filter = { q?: string; status?: string; platform?: string };

/**
 * The companies a filter matches, computed from the emulator's own store with the list's rules:
 * the search text in name, description, merchant id or id (or a connection's id), and status and
 * platform each matched by any live connection. Each with its Linked connections (of the platform).
 */
function truth(filter: Filter): Map<string, string[]> {
  const { companies, connections } = stack.emu.store;
  const matched = new Map<string, string[]>();
  for (const company of companies.values()) {
    const own = company.connectionIds.map((id) => connections.get(id)!).filter(Boolean);
    const text = [company.name, company.description ?? '', company.tags?.[MERCHANT_TAG] ?? '', company.id].join(' ').toLowerCase();
    if (filter.q && !text.includes(filter.q.toLowerCase()) && !own.some((c) => c.id === filter.q)) continue;
    if (filter.status && !own.some((c) => c.status === filter.status)) continue;
    if (filter.platform && !own.some((c) => c.integrationKey === filter.platform)) continue;
    const linked = own.filter((c) => c.status === 'Linked' && (!filter.platform || c.integrationKey === filter.platform));
    matched.set(company.id, linked.map((c) => c.id).sort());
  }
  return matched;
}

/** The most common platform among Linked connections, and a word many company names share. */
function commonPlatform(): string {
  const counts = new Map<string, number>();
  for (const c of stack.emu.store.connections.values()) if (c.status === 'Linked') counts.set(c.integrationKey, (counts.get(c.integrationKey) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

const jobCount = async () => (await rows<{ n: number }>(stack.db, sql`select count(*)::int as n from jobs`))[0]!.n;

async function items(id: number) {
  const { body } = await stack.json(`/api/jobs/${id}/items?range=${encodeURIComponent('[0,499]')}`);
  return new Map((body as Array<{ companyId: string; connectionIds: string[] }>).map((item) => [item.companyId, [...item.connectionIds].sort()]));
}

describe('a bulk refresh over the companies list’s filter', () => {
  it('acts on exactly the companies the filter matches in the emulator, records the filter, and queues each Linked connection once', async () => {
    const platform = commonPlatform();
    const filter = { status: 'Linked', platform };
    const expected = truth(filter);
    expect(expected.size).toBeGreaterThan(5);
    expect(expected.size).toBeLessThan(stack.emu.store.companies.size);

    const support = await stack.as('support');
    const startedMs = stack.deps.now();
    const created = await support.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: ['invoices'], companyFilter: filter }, headers: { 'Idempotency-Key': 'bulk-filter-1' } });
    expect(created.status).toBe(201);
    expect(created.body.selection).toEqual({ companyFilter: filter, matched: expected.size });
    expect(await items(created.body.id)).toEqual(expected);

    await waitForJob(stack, created.body.id);
    const queued = queuedSince(stack, 'invoices', startedMs);
    expect([...queued.keys()].sort()).toEqual([...expected.values()].flat().sort());
    expect([...queued.values()].every((n) => n === 1)).toBe(true);

    // The same intent again (a double click, a retry) is the same job, not a second one.
    const before = await jobCount();
    const again = await support.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: ['invoices'], companyFilter: filter }, headers: { 'Idempotency-Key': 'bulk-filter-1' } });
    expect(again.body.id).toBe(created.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await jobCount()).toBe(before);
  });

  it('resolves a search with a status the same way', async () => {
    const { companies, connections } = stack.emu.store;
    const deauthorized = [...companies.values()].find((company) => company.connectionIds.some((id) => connections.get(id)?.status === 'Deauthorized'))!;
    const filter = { q: deauthorized.name.split(' ')[0]!.toLowerCase(), status: 'Deauthorized' };
    const expected = truth(filter);
    expect(expected.has(deauthorized.id)).toBe(true);
    const created = await stack.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: 'all', companyFilter: filter } });
    expect(created.status).toBe(201);
    expect(await items(created.body.id)).toEqual(expected);

    const none = await stack.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: 'all', companyFilter: { q: 'no company is called this' } } });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/No company in the mirror matches the filter/);
  });

  it('refuses a filter matching more than the cap, an empty filter and a filter with ids, and creates nothing', async () => {
    const before = await jobCount();
    await expect(selectJobItems(stack.db, { companyFilter: { status: 'Linked' } }, 5)).rejects.toThrow(/matches more than 5 companies, the most one bulk action takes: narrow it/);
    for (const [companyFilter, message] of [
      [{}, /needs a search \(q\), a status or a platform/],
      [{ status: 'Linked', id: ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'] }, /id/],
      [{ status: 'Sleeping' }, /status/],
    ] as const) {
      const { status, body } = await stack.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: 'all', companyFilter } });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(message);
    }
    const both = await stack.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: 'all', companyFilter: { status: 'Linked' }, companyIds: ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'] } });
    expect(both.body.error.message).toMatch(/Name one of/);
    expect(await jobCount()).toBe(before);
  });

  it.each(['customer_success', 'finance'] as const)('%s, who may not queue a single refresh, may not queue one over a filter', async (role) => {
    const before = await jobCount();
    const { status } = await (await stack.as(role)).json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: 'all', companyFilter: { status: 'Linked' } } });
    expect(status).toBe(403);
    expect(await jobCount()).toBe(before);
  });
});

describe('the outreach export of the companies list’s filter', () => {
  const exportAs = async (role: 'customer_success' | 'finance', filter: Filter) => {
    const response = await (await stack.as(role)).request(`/api/companies/outreach/export?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8').replace(/^\uFEFF/, '');
    if (response.status !== 200) return { status: response.status, records: [], text };
    const [header, ...records] = parseCsv(text);
    return { status: 200, records: records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i]]))), text };
  };

  it('lists each connection of the filter’s status and platform at every matching company, with a fresh relink URL for those who may share links', async () => {
    const deauthorized = [...stack.emu.store.connections.values()].filter((c) => c.status === 'Deauthorized');
    const platform = deauthorized[0]!.integrationKey;
    const filter = { status: 'Deauthorized', platform };
    const companies = truth(filter);
    const expected = [...stack.emu.store.connections.values()]
      .filter((c) => companies.has(c.companyId) && c.status === 'Deauthorized' && c.integrationKey === platform)
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);

    const cs = await exportAs('customer_success', filter);
    expect(cs.status).toBe(200);
    expect(cs.records.map((r) => r.connectionId).sort()).toEqual(expected);
    for (const record of cs.records) {
      expect(record.status).toBe('Deauthorized');
      expect(record.relinkUrl || record.relinkNote).toBeTruthy();
    }
    expect(cs.records.some((r) => r.relinkUrl?.startsWith('http'))).toBe(true);

    const finance = await exportAs('finance', filter);
    expect(finance.records.map((r) => r.connectionId).sort()).toEqual(expected);
    expect(Object.keys(finance.records[0]!)).not.toContain('relinkUrl');
  });

  it('refuses an empty filter and a filter matching nothing, before any row', async () => {
    expect((await exportAs('customer_success', {})).status).toBe(400);
    const none = await exportAs('customer_success', { q: 'no company is called this' });
    expect(none.status).toBe(400);
    expect(none.text).toMatch(/No company in the mirror matches the filter/);
  });
});
