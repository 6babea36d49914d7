import { parseCsv } from '@console/contracts';
import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { startStack, type Stack } from '../../test/stack.js';
import { rows } from '../mirror/db/sql.js';
import { normaliseName } from '../resources/companies/name-similarity.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
  // Names a spreadsheet would read as formulas ('@', '-' and '+' survive Codat's name rules).
  const at = await stack.deps.codat.companies.create({ name: '@Home Bakery', tags: { merchantId: 'M-100001' } });
  await stack.deps.codat.connections.create(at.id, { platformKey: 'gbol' });
  await stack.deps.codat.connections.create(at.id, { platformKey: 'gbol' });
  await stack.deps.codat.companies.create({ name: '-Dash Couriers' });
  await syncOnce(syncContext(stack));
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

async function download(path: string, role: 'admin' | 'finance' | 'support' = 'finance') {
  const response = await (await stack.as(role)).request(path);
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8').replace(/^\uFEFF/, '');
  const records = response.status === 200 ? parseCsv(text) : [];
  // Month reports open with `# …` rows naming the month, snapshot and rule.
  const comments = records.filter((record) => record.length === 1 && record[0]!.startsWith('# ')).map((record) => record[0]!);
  return { status: response.status, headers: response.headers, comments, records: records.slice(comments.length) };
}

const auditActions = async (action: string) =>
  rows<{ actorEmail: string; details: Record<string, unknown> }>(stack.db, sql`select actor_email as "actorEmail", details from audit_events where action = ${action} order by id`);

/** Possible duplicates computed from the emulator's store. */
function duplicateTruth(): string[] {
  const companies = [...stack.emu.store.companies.values()];
  const groups = new Set<string>();
  const count = (key: (c: (typeof companies)[number]) => string | undefined, reason: string) => {
    const seen = new Map<string, number>();
    for (const c of companies) {
      const k = key(c);
      if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    for (const [k, n] of seen) if (n > 1) groups.add(`${reason}:${k}`);
  };
  count((c) => c.tags?.merchantId, 'merchantId');
  count((c) => normaliseName(c.name) || undefined, 'sameName');
  const perPlatform = new Map<string, number>();
  for (const k of stack.emu.store.connections.values()) perPlatform.set(`${k.companyId}:${k.integrationKey}`, (perPlatform.get(`${k.companyId}:${k.integrationKey}`) ?? 0) + 1);
  for (const [k, n] of perPlatform) if (n > 1) groups.add(`samePlatform:${k}`);
  return [...groups].sort();
}

describe('GET /api/reports/possible-duplicates', () => {
  it('finds every group the emulator’s data holds, and only those', async () => {
    const { body, status } = await stack.json(`/api/reports/possible-duplicates?range=${encodeURIComponent('[0,999]')}`);
    expect(status).toBe(200);
    expect(body.map((group: { id: string }) => group.id).sort()).toEqual(duplicateTruth());
    const customer = body.find((group: { id: string }) => group.id === 'merchantId:M-100001');
    expect(customer.companies.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(F.duplicateCustomer.companyIds.slice(0, 2)));
    expect(body.find((group: { reason: string }) => group.reason === 'samePlatform')).toMatchObject({ companies: [{ name: '@Home Bakery' }], connections: [{}, {}] });
  });

  it('filters by reason', async () => {
    const { body } = await stack.json(`/api/reports/possible-duplicates?filter=${encodeURIComponent('{"reason":"sameName"}')}&range=${encodeURIComponent('[0,999]')}`);
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((group: { reason: string }) => group.reason === 'sameName')).toBe(true);
  });
});

describe('CSV exports', () => {
  const month = () => new Date(stack.deps.now()).toISOString().slice(0, 7);

  it('per-company counts: every company, formula cells neutralised, audited', async () => {
    const list = await stack.json(`/api/reports/connection-counts/companies?month=${month()}&range=${encodeURIComponent('[0,0]')}`);
    const { status, headers, records, comments } = await download(`/api/reports/connection-counts/companies/export?month=${month()}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/csv/);
    expect(headers.get('x-mirror-refreshed-at')).toMatch(/^\d{4}-/);
    expect(records[0]).toEqual(['companyId', 'name', 'merchantId', 'companyDeleted', 'withoutConnections', 'connections', 'linkedAtMonthEnd', 'billableConnections', 'sandboxConnections', 'platforms', 'platformKeys']);
    expect(comments).toEqual(expect.arrayContaining([expect.stringMatching(/^# Billable rule: linked-any-time/), expect.stringMatching(/^# Snapshots: 1 daily/)]));
    expect(records.filter((r) => r[4] === 'true').map((r) => r[1])).toContain("'-Dash Couriers");
    expect(records.length - 1).toBe(Number(list.headers.get('x-total-count')));
    expect(records.map((r) => r[1])).toContain("'@Home Bakery");
    expect(records.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect((await auditActions('company-counts.export')).at(-1)).toMatchObject({ actorEmail: 'finance@console.test', details: { month: month() } });
  });

  it('possible duplicates: one row per company per group', async () => {
    const { records } = await download('/api/reports/possible-duplicates/export');
    const { body } = await stack.json(`/api/reports/possible-duplicates?range=${encodeURIComponent('[0,999]')}`);
    expect(records.length - 1).toBe(body.reduce((sum: number, group: { companies: unknown[] }) => sum + group.companies.length, 0));
    expect(records.map((r) => r[4])).toContain("'@Home Bakery");
  });

  it('connection counts, error groups, affected companies and a timeline', async () => {
    const counts = await download(`/api/reports/connection-counts/export?month=${month()}`);
    const report = (await stack.json(`/api/reports/connection-counts?month=${month()}`)).body;
    expect(counts.records.length - 1).toBe(report.rows.length + report.sandbox.length);

    const groups = await download('/api/connection-error-groups/export');
    const { body: groupList } = await stack.json('/api/connection-error-groups?range=[0,999]');
    expect(groups.records.length - 1).toBe(groupList.length);
    const biggest = groupList[0];
    const affected = await download(`/api/connection-error-groups/${biggest.id}/companies/export`);
    expect(affected.records.length - 1).toBe(biggest.connections);

    const timeline = await download(`/api/companies/${F.activeError.companyId}/timeline/export`);
    const { body } = await stack.json(`/api/companies/${F.activeError.companyId}/timeline`);
    expect(timeline.records.length - 1).toBe(body.total);
    for (const action of ['connection-counts.export', 'error-groups.export', 'error-group-companies.export', 'timeline.export']) {
      expect(await auditActions(action)).toHaveLength(1);
    }
  });

  it('are refused to roles without reports.read', async () => {
    expect((await download(`/api/reports/connection-counts/companies/export?month=${month()}`, 'support')).status).toBe(403);
    expect((await download('/api/connection-error-groups/export', 'support')).status).toBe(403);
  });
});
