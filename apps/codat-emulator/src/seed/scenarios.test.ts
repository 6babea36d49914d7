import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../test/support.js';
import { DEMO_INCIDENT } from './demo-incident.js';
import { DEMO_FIXTURES } from './fixtures.js';
import { MERCHANT_TAG } from './fleet.js';
import { DEFAULT_COMPANIES, seedScenario } from './scenarios.js';
import { summarizeStore } from './summary.js';

const ANCHOR_MS = Date.parse('2026-03-01T09:00:00Z');
const FIXTURE_COMPANIES = 8;

function demo() {
  const t = testEmulator();
  const summary = seedScenario(t.emu, { scenario: 'demo', anchorMs: ANCHOR_MS });
  return { ...t, summary };
}

describe('scenarios', () => {
  it('seeds nothing for empty and only generated companies for fleet', () => {
    const empty = testEmulator();
    expect(seedScenario(empty.emu, { scenario: 'empty', companies: 50 }).companies).toBe(0);
    const fleet = testEmulator();
    expect(seedScenario(fleet.emu, { scenario: 'fleet' }).companies).toBe(DEFAULT_COMPANIES);
    expect(fleet.emu.store.companies.has(DEMO_FIXTURES.noConnections.companyId)).toBe(false);
  });

  it('demo holds a generated fleet plus the well-known companies, listed in creation order', () => {
    const { emu, summary } = demo();
    expect(summary.companies).toBe(DEFAULT_COMPANIES + FIXTURE_COMPANIES);
    const created = emu.store.companyOrder.map((id) => emu.store.companies.get(id)!.createdMs);
    expect([...created].sort((a, b) => a - b)).toEqual(created);
  });

  it('demo duplicates: one merchant, three companies, two tagged with the same name', async () => {
    const { json } = demo();
    const { duplicateCustomer: dup } = DEMO_FIXTURES;
    const tagged = await json(`/companies?tags=${encodeURIComponent(`${MERCHANT_TAG}=${dup.merchantId}`)}`);
    expect(tagged.body.results.map((c: { id: string }) => c.id)).toEqual(dup.companyIds.slice(0, 2));
    expect(tagged.body.results.every((c: { name: string }) => c.name === dup.name)).toBe(true);
    const near = await json(`/companies/${dup.companyIds[2]}`);
    expect(near.body).toMatchObject({ name: dup.nearDuplicateName, description: `Merchant ${dup.merchantId}`, dataConnections: [] });
    expect(near.body.tags).toBeUndefined();
    const first = await json(`/companies/${dup.companyIds[0]}`);
    expect(first.body.dataConnections).toMatchObject([{ id: dup.connectionId, integrationKey: 'gbol', status: 'Linked' }]);
    expect(first.body.lastSync).toBe(first.body.dataConnections[0].lastSync);
  });

  it('demo errors: a Deauthorized connection with an active 401, a PendingAuth one cancelled by the user', async () => {
    const { json } = demo();
    const { activeError, userCancelled } = DEMO_FIXTURES;
    const broken = await json(`/companies/${activeError.companyId}/connections/${activeError.connectionId}`);
    expect(broken.body).toMatchObject({ status: 'Deauthorized', integrationKey: 'qhyg' });
    expect(broken.body.dataConnectionErrors).toMatchObject([{ statusCode: '401', status: 'Active' }]);
    const cancelled = await json(`/companies/${userCancelled.companyId}/connections/${userCancelled.connectionId}`);
    expect(cancelled.body).toMatchObject({ status: 'PendingAuth', integrationKey: 'gbol' });
    expect(cancelled.body.lastSync).toBeUndefined();
    expect(cancelled.body.dataConnectionErrors).toMatchObject([{ statusCode: '403', errorMessage: 'User cancelled', status: 'Active' }]);
  });

  it('demo incident: Linked Xero connections of 9 companies failing with 503 over the last hours, two resolved 503s before', () => {
    const { emu } = demo();
    const hit = [...emu.store.connections.values()].flatMap((connection) =>
      connection.errors.filter((error) => error.statusCode === DEMO_INCIDENT.statusCode && connection.integrationKey === DEMO_INCIDENT.platformKey).map((error) => ({ connection, error })),
    );
    const active = hit.filter(({ error }) => error.status === 'Active');
    expect(new Set(active.map(({ connection }) => connection.companyId)).size).toBe(DEMO_INCIDENT.companies);
    expect(active.every(({ connection }) => connection.status === 'Linked')).toBe(true);
    const ages = active.map(({ error }) => ANCHOR_MS - Date.parse(error.erroredOnUtc)).sort((a, b) => a - b);
    expect(ages[0]).toBe(DEMO_INCIDENT.everyMinutes * 60_000);
    expect(ages.at(-1)).toBeLessThan(24 * 3_600_000);
    expect(hit.filter(({ error }) => error.status === 'Resolved' && ANCHOR_MS - Date.parse(error.erroredOnUtc) > 24 * 3_600_000).length).toBeGreaterThanOrEqual(2);
  });

  it('demo bank feeds: pending account on a PendingAuth hcws connection, connected accounts on Xero', () => {
    const { emu } = demo();
    const { pendingBankFeed, bankFeedAccounts } = DEMO_FIXTURES;
    const pending = emu.store.connections.get(pendingBankFeed.connectionId)!;
    expect(pending).toMatchObject({ integrationKey: 'hcws', status: 'PendingAuth' });
    expect(emu.store.sourceAccounts.get(pending.id)!.map((a) => [a.id, a.status])).toEqual([['acc-001', 'pending']]);
    const xero = emu.store.connections.get(bankFeedAccounts.connectionId)!;
    expect(xero).toMatchObject({ integrationKey: 'gbol', status: 'Linked' });
    expect(xero.errors).toMatchObject([{ statusCode: '429', status: 'Resolved' }]);
    const accounts = emu.store.sourceAccounts.get(xero.id)!;
    expect(accounts.map((a) => a.id)).toEqual([...bankFeedAccounts.sourceAccountIds]);
    expect(accounts.every((a) => a.status === 'connected' && a.targetAccountId && a.version === 'v2')).toBe(true);
    expect(emu.store.companies.get(DEMO_FIXTURES.noConnections.companyId)!.connectionIds).toEqual([]);
  });

  it('the summary equals counts taken from the Codat API itself', async () => {
    const { emu, json } = demo();
    const summary = summarizeStore(emu.store);
    const { body } = await json('/companies?pageSize=5000');
    const byPlatform: Record<string, Record<string, number>> = {};
    let connections = 0;
    for (const company of body.results) {
      for (const c of company.dataConnections) {
        connections += 1;
        byPlatform[c.integrationKey] ??= {};
        byPlatform[c.integrationKey]![c.status] = (byPlatform[c.integrationKey]![c.status] ?? 0) + 1;
      }
    }
    expect(body.totalResults).toBe(summary.companies);
    expect(connections).toBe(summary.connections);
    expect(byPlatform).toEqual(summary.connectionsByPlatform);
    const none = await json(`/companies?pageSize=5000&query=${encodeURIComponent('dataConnections.status!=Linked&&dataConnections.status!=PendingAuth&&dataConnections.status!=Deauthorized&&dataConnections.status!=Unlinked')}`);
    expect(none.body.totalResults).toBe(summary.companiesWithoutConnections);
  });
});
