import { describe, expect, it } from 'vitest';
import { sanitiseCompanyName } from '../domain/company-names.js';
import { platformByKey } from '../domain/platforms.js';
import { Emulator } from '../emulator.js';
import type { BankFeedsVersion } from '../config.js';
import { MERCHANT_TAG, seedFleet } from './fleet.js';
import { summarizeStore } from './summary.js';

const ANCHOR_MS = Date.parse('2026-03-01T09:00:00Z');

function fleet(companies = 3000, bankFeedsVersion: BankFeedsVersion = 'v2') {
  const emu = new Emulator({ bankFeedsVersion });
  seedFleet(emu, { companies, seed: 11, anchorMs: ANCHOR_MS });
  const companyList = [...emu.store.companies.values()];
  const connections = [...emu.store.connections.values()];
  return { emu, companyList, connections };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** What staff would treat as "the same name": case, punctuation, spacing and legal suffix ignored. */
function normalised(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\b(ltd|limited|llc|inc|incorporated|pty|llp)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('seedFleet distribution', () => {
  const { emu, companyList, connections } = fleet();
  const share = (count: number, total: number) => count / total;

  it('has exact and near duplicate names, some sharing a merchant id', () => {
    const byName = groupBy(companyList, (c) => c.name);
    const exact = [...byName.values()].filter((group) => group.length > 1);
    expect(exact.length).toBeGreaterThan(20);
    const sameMerchant = exact.filter((group) => {
      const ids = group.map((c) => c.tags?.[MERCHANT_TAG]).filter(Boolean);
      return ids.length > 1 && new Set(ids).size === 1;
    });
    expect(sameMerchant.length).toBeGreaterThan(5);
    const byNormalised = groupBy(companyList, (c) => normalised(c.name));
    const near = [...byNormalised.values()].filter((group) => new Set(group.map((c) => c.name)).size > 1);
    expect(near.length).toBeGreaterThan(10);
  });

  it('tags a majority with a merchant id and mentions it in some descriptions', () => {
    const tagged = companyList.filter((c) => /^M-\d{6}$/.test(c.tags?.[MERCHANT_TAG] ?? ''));
    expect(share(tagged.length, companyList.length)).toBeGreaterThan(0.55);
    expect(companyList.some((c) => /M-\d{6}/.test(c.description ?? ''))).toBe(true);
    expect(companyList.every((c) => sanitiseCompanyName(c.name) === c.name.trim())).toBe(true);
  });

  it('mixes companies without, with one and with several connections', () => {
    const counts = companyList.map((c) => c.connectionIds.length);
    expect(share(counts.filter((n) => n === 0).length, counts.length)).toBeGreaterThan(0.08);
    expect(share(counts.filter((n) => n === 1).length, counts.length)).toBeGreaterThan(0.35);
    expect(counts.filter((n) => n >= 3).length).toBeGreaterThan(50);
  });

  it('uses real platform keys, Xero and QuickBooks Online most, sandboxes rarely', () => {
    const byKey = groupBy(connections, (c) => c.integrationKey);
    for (const key of byKey.keys()) expect(platformByKey(key)).toBeDefined();
    const ranked = [...byKey.entries()].sort((a, b) => b[1].length - a[1].length).map(([key]) => key);
    expect(ranked.slice(0, 2).sort()).toEqual(['gbol', 'qhyg']);
    const sandboxes = connections.filter((c) => platformByKey(c.integrationKey)?.sandbox);
    expect(sandboxes.length).toBeGreaterThan(0);
    expect(share(sandboxes.length, connections.length)).toBeLessThan(0.03);
    for (const sourceType of ['Banking', 'Commerce', 'BankFeed']) {
      expect(connections.some((c) => platformByKey(c.integrationKey)?.sourceType === sourceType)).toBe(true);
    }
  });

  it('mixes statuses, mostly Linked, with errors that fit them', () => {
    const { connectionsByStatus } = summarizeStore(emu.store);
    expect(share(connectionsByStatus.Linked, connections.length)).toBeGreaterThan(0.6);
    for (const status of ['PendingAuth', 'Deauthorized', 'Unlinked'] as const) expect(connectionsByStatus[status]).toBeGreaterThan(50);
    const errors = connections.flatMap((c) => c.errors.map((error) => ({ status: c.status, error })));
    const active = errors.filter((e) => e.error.status === 'Active');
    const resolved = errors.filter((e) => e.error.status === 'Resolved');
    expect(resolved.length).toBeGreaterThan(50);
    expect(resolved.every((e) => e.error.resolvedOnUtc! > e.error.erroredOnUtc)).toBe(true);
    expect(active.filter((e) => e.status === 'Deauthorized').every((e) => e.error.statusCode === '401')).toBe(true);
    expect(active.some((e) => e.status === 'PendingAuth' && e.error.statusCode === '403' && e.error.errorMessage === 'User cancelled')).toBe(true);
    expect(new Set(active.map((e) => e.error.statusCode))).toEqual(new Set(['401', '403', '429', '500']));
    expect(connections.filter((c) => c.status === 'Unlinked').every((c) => !c.errors.some((e) => e.status === 'Active'))).toBe(true);
  });

  it('keeps lastSync consistent with settled sync history', () => {
    for (const connection of connections) {
      const history = (emu.store.datasets.get(connection.companyId) ?? []).filter((d) => d.connectionId === connection.id);
      expect(history.every((d) => d.settled && d.completedMs! >= d.requestedMs)).toBe(true);
      const successes = history.filter((d) => d.outcome === 'Complete').map((d) => d.completedMs!);
      if (connection.status === 'PendingAuth') expect(history).toHaveLength(0);
      expect(connection.lastSyncMs).toBe(successes.length > 0 ? Math.max(...successes) : undefined);
    }
    for (const company of companyList) {
      const syncs = emu.store.connectionsOf(company).flatMap((c) => (c.lastSyncMs === undefined ? [] : [c.lastSyncMs]));
      expect(company.lastSyncMs).toBe(syncs.length > 0 ? Math.max(...syncs) : undefined);
      const requested = (emu.store.datasets.get(company.id) ?? []).map((d) => d.requestedMs);
      expect([...requested].sort((a, b) => a - b)).toEqual(requested);
    }
    const outcomes = new Set([...emu.store.datasetsById.values()].map((d) => d.outcome));
    expect(outcomes).toContain('Complete');
    expect(outcomes).toContain('AuthError');
    expect(outcomes.size).toBeGreaterThan(4);
  });

  it('gives bank-feed connections source accounts whose status follows the connection', () => {
    const hosts = connections.filter((c) => emu.store.sourceAccounts.has(c.id));
    expect(new Set(hosts.map((c) => c.integrationKey))).toEqual(new Set(['hcws', 'olpr', 'gbol', 'akxx', 'fbrh']));
    for (const host of hosts) {
      const accounts = emu.store.sourceAccounts.get(host.id)!;
      expect(new Set(accounts.map((a) => a.id)).size).toBe(accounts.length);
      for (const account of accounts) {
        expect(account.version).toBe('v2');
        expect(['checking', 'savings', 'creditCard', 'loan']).toContain(account.accountType);
        if (host.status === 'PendingAuth') expect(account.status).toBe('pending');
        if (host.status === 'Unlinked') expect(account.status).toBe('disconnected');
        if (account.status === 'connected') expect(account.feedStartDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(account.sortCode === null).toBe(account.currency !== 'GBP');
      }
    }
    const company = emu.store.companies.get(hosts[0]!.companyId)!;
    expect(company.products).toContain('bank-feeds');
  });

  it('writes v1 source accounts when the emulator uses the v1 API', () => {
    const v1 = fleet(600, 'v1');
    const accounts = [...v1.emu.store.sourceAccounts.values()].flat();
    expect(accounts.length).toBeGreaterThan(0);
    expect(new Set(accounts.map((a) => a.accountType))).toEqual(new Set(['Debit', 'Credit']));
    for (const account of accounts) {
      expect(account.version).toBe('v1');
      expect(account.routingInfo).toBeUndefined();
      if (account.feedStartDate) expect(account.feedStartDate).toMatch(/T.*Z$/);
    }
  });
});
