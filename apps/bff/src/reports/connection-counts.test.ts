import { DEMO_FIXTURES as F, summarizeStore } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorControl, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { DATABASE_KINDS } from '../../test/databases.js';
import { startStack, type Stack } from '../../test/stack.js';
import { isSandboxPlatform } from '../codat/sandbox-platforms.js';
import { rows } from '../mirror/db/sql.js';
import { BILLABLE_RULE_KEYS } from './billable-rule.js';
import { connectionCountsReport } from './connection-counts.js';

describe.each(DATABASE_KINDS)('finance reports on %s', (database) => {
  let stack: Stack;
  const month = () => new Date(stack.deps.now()).toISOString().slice(0, 7);
  const report = async (m = month()) => (await stack.json(`/api/reports/connection-counts?month=${m}`)).body;

  /** Connections by status × platform, counted straight from the emulator's store. */
  function truth() {
    const connections = [...stack.emu.store.connections.values()];
    const live = connections.filter((c) => !isSandboxPlatform(c.integrationKey));
    const byStatusAndPlatform = new Map<string, number>();
    for (const c of live) byStatusAndPlatform.set(`${c.status} ${c.integrationKey}`, (byStatusAndPlatform.get(`${c.status} ${c.integrationKey}`) ?? 0) + 1);
    const linked = live.filter((c) => c.status === 'Linked');
    return {
      summary: summarizeStore(stack.emu.store),
      byStatusAndPlatform: Object.fromEntries([...byStatusAndPlatform].sort()),
      linked: linked.length,
      sandbox: connections.length - live.length,
    };
  }

  const grouped = (rows_: { status: string; platformKey: string; connections: number }[]) =>
    Object.fromEntries(rows_.map((row) => [`${row.status} ${row.platformKey}`, row.connections]).sort());

  beforeAll(async () => {
    // Months pass in these tests: sessions must outlive them.
    const year = 365 * 86_400_000;
    stack = await startStack({ database, settings: { mirror: TEST_MIRROR_SETTINGS }, auth: { sessionIdleMs: year, sessionAbsoluteMs: year } });
    // A sandbox connection, which finance must see apart and never as billable.
    const sandbox = await stack.deps.codat.connections.create(F.noConnections.companyId, { platformKey: 'mqjo' });
    await emulatorControl(stack, `/connections/${sandbox.id}/authorize`);
    await syncOnce(syncContext(stack));
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  describe('GET /api/reports/connection-counts', () => {
    it('counts status × platform × source type from the snapshot, as the emulator has them', async () => {
      const body = await report();
      const expected = truth();
      expect(body).toMatchObject({ month: month(), billableRule: { key: 'linked-any-time' }, snapshots: { days: 1 } });
      expect(grouped(body.rows)).toEqual(expected.byStatusAndPlatform);
      expect(body.totals).toEqual({
        companies: expected.summary.companies,
        companiesWithoutConnections: expected.summary.companiesWithoutConnections,
        companiesInMonth: expected.summary.companies,
        companiesInMonthWithoutConnections: expected.summary.companiesWithoutConnections,
        connectionsSeen: expected.summary.connections - expected.sandbox,
        connectionsAtMonthEnd: expected.summary.connections - expected.sandbox,
        billableConnections: expected.linked,
        billableCompanies: expected.summary.activeConnectedCompanies,
        sandboxConnections: 1,
        sandboxCompanies: 1,
      });
      expect(body.sandbox).toEqual([expect.objectContaining({ platformKey: 'mqjo', status: 'Linked', connections: 1, billableConnections: 0 })]);
      // The month before the first snapshot is reconstructed (backfill), so the month compares with it.
      expect(body.changes).toMatchObject({ comparable: true });
      expect(body.refreshedAt).toEqual(expect.any(String));
      expect(body.daily.reduce((sum: number, d: { connections: number }) => sum + d.connections, 0)).toBe(expected.summary.connections - expected.sandbox);
    });

    it('takes at most one snapshot a day', async () => {
      await syncOnce(syncContext(stack));
      const [days] = await rows<{ days: number; seen: number }>(stack.db, sql`select (select count(*)::int from mirror_snapshot_days where not reconstructed) as days, (select max(days_seen)::int from mirror_connection_months) as seen`);
      expect(days).toEqual({ days: 1, seen: 1 });
    });

    it('compares a month with the last: new, lost and relinked connections', async () => {
      const previous = month();
      stack.emu.clock.advance(32 * 86_400_000);
      const fresh = await stack.deps.codat.connections.create(F.noConnections.companyId, { platformKey: 'gbol' });
      await emulatorControl(stack, `/connections/${fresh.id}/authorize`);
      await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/deauthorize`);
      await emulatorControl(stack, `/connections/${F.activeError.connectionId}/authorize`);
      await syncOnce(syncContext(stack));

      const body = await report();
      expect(body.changes).toMatchObject({ previousMonth: previous, comparable: true, new: 1, lost: 1, relinked: 1 });
      expect(body.changes.byPlatform).toEqual(
        expect.arrayContaining([{ platformKey: 'gbol', platformName: 'Xero', new: 1, lost: 1, relinked: 0 }, expect.objectContaining({ platformKey: 'qhyg', relinked: 1 })]),
      );
      expect(body.totals.billableConnections).toBe(truth().linked);
      // The earlier month is unchanged by the new snapshot.
      expect((await report(previous)).snapshots.days).toBe(1);
    });

    it('adds up to the same report and day counts when computed in pieces of a few companies and connections', async () => {
      const [{ companies }] = (await rows<{ companies: number }>(stack.db, sql`select count(*)::int as companies from mirror_company_months where month = ${month()}`)) as [{ companies: number }];
      expect(companies).toBeGreaterThan(6);
      for (const rule of BILLABLE_RULE_KEYS) {
        const whole = await connectionCountsReport(stack.db, month(), rule);
        expect(await connectionCountsReport(stack.db, month(), rule, { inPieces: true, sizes: { companies: 2, connections: 3 } })).toEqual(whole);
      }
    });

    it('answers a month without snapshots with empty figures, and refuses a malformed month', async () => {
      expect(await report('2001-01')).toMatchObject({ snapshots: null, totals: null, rows: [] });
      expect((await stack.json('/api/reports/connection-counts?month=2026-13')).status).toBe(400);
    });

    it('is for finance and admins only', async () => {
      expect((await (await stack.as('finance')).json(`/api/reports/connection-counts?month=${month()}`)).status).toBe(200);
      expect((await (await stack.as('support')).json(`/api/reports/connection-counts?month=${month()}`)).status).toBe(403);
    });
  });

  describe('GET /api/reports/connection-counts/companies', () => {
    const list = (query: string) => stack.json(`/api/reports/connection-counts/companies?month=${month()}&${query}`);

    it('pages per-company counts that add up to the report', async () => {
      const all = await list(`range=${encodeURIComponent('[0,999]')}`);
      expect(all.status).toBe(200);
      const perCompany = all.body as { id: string; connections: number; billableConnections: number; sandboxConnections: number }[];
      const body = await report();
      expect(perCompany.reduce((sum, c) => sum + c.billableConnections, 0)).toBe(body.totals.billableConnections);
      expect(perCompany.reduce((sum, c) => sum + c.connections - c.sandboxConnections, 0)).toBe(body.totals.connectionsSeen);
      // Every company, those without connections included.
      expect(all.headers.get('x-total-count')).toBe(String(stack.emu.store.companies.size));
      expect(body.totals.companiesInMonth).toBe(stack.emu.store.companies.size);

      const page = await list(`range=${encodeURIComponent('[2,4]')}&sort=${encodeURIComponent('["billableConnections","DESC"]')}`);
      expect(page.body.map((c: { id: string }) => c.id)).toEqual(perCompany.slice(2, 5).map((c) => c.id));
    });

    it('filters on billable candidates', async () => {
      const billable = await list(`filter=${encodeURIComponent('{"billable":true}')}&range=${encodeURIComponent('[0,999]')}`);
      expect(Number(billable.headers.get('x-total-count'))).toBe((await report()).totals.billableCompanies);
    });
  });
});
