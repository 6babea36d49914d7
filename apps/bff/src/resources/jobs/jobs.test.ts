import { parseCsv } from '@console/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectOutage, OUTAGE_GROUP_ID, queuedSince, TEST_JOB_SETTINGS, waitForJob } from '../../../test/jobs.js';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { rows } from '../../mirror/db/sql.js';
import { errorGroupId } from '../../mirror/observe.js';

let stack: Stack;
let hit: ReturnType<typeof injectOutage>;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS, jobs: TEST_JOB_SETTINGS } });
  hit = injectOutage(stack, 6, 1);
  await syncOnce(syncContext(stack));
}, 60_000);
afterAll(async () => {
  await stack.close();
});

const jobCount = async () => (await rows<{ n: number }>(stack.db, sql`select count(*)::int as n from jobs`))[0]!.n;

describe('bulk jobs: roles and input', () => {
  it.each(['customer_success', 'finance'] as const)('%s, who may not queue a refresh, may not start, cancel or resume a job', async (role) => {
    const client = await stack.as(role);
    const body = { kind: 'refresh', dataTypes: ['invoices'], errorGroupId: OUTAGE_GROUP_ID };
    expect((await client.json('/api/jobs', { method: 'POST', body })).status).toBe(403);
    expect((await client.json('/api/jobs/1/cancel', { method: 'POST' })).status).toBe(403);
    expect((await client.json('/api/jobs/1/resume', { method: 'POST' })).status).toBe(403);
    expect((await client.json('/api/jobs')).status).toBe(200);
  });

  it.each([
    [{ kind: 'refresh', dataTypes: ['invoices'] }, /Name one of errorGroupId/],
    [{ kind: 'refresh', dataTypes: ['invoices'], errorGroupId: OUTAGE_GROUP_ID, companyIds: ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'] }, /Name one of errorGroupId/],
    [{ kind: 'refresh', dataTypes: ['nope'], errorGroupId: OUTAGE_GROUP_ID }, /dataTypes is "all" or a list of 1 to 50 Codat data types/],
    [{ kind: 'refresh', dataTypes: [], errorGroupId: OUTAGE_GROUP_ID }, /expected array to have >=1 items/],
    [{ kind: 'export', dataTypes: 'all', errorGroupId: OUTAGE_GROUP_ID }, /kind/],
    [{ kind: 'refresh', dataTypes: 'all', companyIds: ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'] }, /not in the mirror/],
  ])('refuses %j with a clear 400 and creates nothing', async (body, message) => {
    const before = await jobCount();
    const { status, body: answer } = await stack.json('/api/jobs', { method: 'POST', body });
    expect(status).toBe(400);
    expect(answer.error.message).toMatch(message);
    expect(await jobCount()).toBe(before);
  });

  it('answers 404 for a group that affects no company and for an unknown job', async () => {
    const body = { kind: 'refresh', dataTypes: 'all', errorGroupId: '0123456789abcdef01234567' };
    expect((await stack.json('/api/jobs', { method: 'POST', body })).status).toBe(404);
    expect((await stack.json('/api/jobs/999999')).status).toBe(404);
    expect((await stack.json('/api/jobs/abc')).status).toBe(400);
  });
});

describe('a bulk refresh over an error group', () => {
  it('queues exactly one read per Linked affected connection, skips the rest with reasons, and audits each company', async () => {
    const support = await stack.as('support');
    const [linkedHit, deauthorized] = [hit.slice(0, 6), hit[6]!];
    // One company is already reading invoices: Codat would refuse a second queue.
    const busy = linkedHit[0]!;
    const stepMs = stack.emu.config.syncStepMs;
    stack.emu.config.syncStepMs = 60_000;
    await stack.deps.codat.data.refreshDataType(busy.companyId, 'invoices', { connectionId: busy.id });
    stack.emu.config.syncStepMs = stepMs;

    const startedMs = stack.deps.now();
    const created = await support.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: ['invoices'], errorGroupId: OUTAGE_GROUP_ID } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'refresh', dataTypes: ['invoices'], selection: { errorGroupId: OUTAGE_GROUP_ID }, createdByEmail: 'support@console.test' });
    const companies = new Set(hit.map((c) => c.companyId));
    expect(created.body.counts.total).toBe(companies.size);

    const job = await waitForJob(stack, created.body.id);
    expect(job.progress).toBe(1);

    const queued = queuedSince(stack, 'invoices', startedMs);
    const eligible = linkedHit.filter((c) => c.companyId !== busy.companyId).map((c) => c.id).sort();
    expect([...queued.keys()].sort()).toEqual(eligible);
    expect([...queued.values()].every((n) => n === 1)).toBe(true);

    const items = (await stack.json(`/api/jobs/${job.id}/items?range=[0,99]`)).body as any[];
    const byCompany = new Map(items.map((item) => [item.companyId, item]));
    expect(byCompany.get(busy.companyId)).toMatchObject({ status: 'skipped', reason: 'Codat is already reading invoices', alreadyRunning: ['invoices'] });
    if (!linkedHit.some((c) => c.companyId === deauthorized.companyId)) {
      expect(byCompany.get(deauthorized.companyId)).toMatchObject({ status: 'skipped', reason: 'no Linked connection' });
    }
    const done = items.filter((item) => item.status === 'done');
    expect(done.flatMap((item) => item.pullOperationIds)).toHaveLength(eligible.length);

    const audit = await rows<{ action: string; outcome: string; companyId: string | null; actorEmail: string }>(
      stack.db,
      sql`select action, outcome, company_id as "companyId", actor_email as "actorEmail" from audit_events where details->>'jobId' = ${String(job.id)} order by id`,
    );
    expect(audit[0]).toMatchObject({ action: 'job.create', outcome: 'ok', actorEmail: 'support@console.test' });
    const outcomes = audit.filter((entry) => entry.action === 'data.refresh' && entry.outcome !== 'attempt');
    expect(outcomes.map((entry) => entry.companyId).sort()).toEqual([...companies].sort());
    expect(outcomes.every((entry) => entry.actorEmail === 'support@console.test')).toBe(true);
    expect(audit.filter((entry) => entry.outcome === 'attempt')).toHaveLength(done.length);
  });

  it('is cancelled and resumed, and then finishes the companies it had not done', async () => {
    const startedMs = stack.deps.now();
    const created = await stack.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: 'all', errorGroupId: OUTAGE_GROUP_ID } });
    const cancelled = await stack.json(`/api/jobs/${created.body.id}/cancel`, { method: 'POST' });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await stack.json(`/api/jobs/${created.body.id}/cancel`, { method: 'POST' })).status).toBe(409);
    const resumed = await stack.json(`/api/jobs/${created.body.id}/resume`, { method: 'POST' });
    expect(resumed.body.status).toBe('queued');
    const job = await waitForJob(stack, created.body.id);
    expect(job.counts).toMatchObject({ pending: 0, attempted: 0, failed: 0 });
    // refresh-all: every company with a Linked affected connection got reads queued once.
    const companiesRead = new Set([...stack.emu.store.datasets.values()].flat().filter((d) => d.requestedMs >= startedMs).map((d) => d.companyId));
    expect(job.counts.done).toBe(companiesRead.size);
  });
});

describe('the outreach export of an error group', () => {
  const exportAs = async (role: 'customer_success' | 'finance') => {
    const response = await (await stack.as(role)).request(`/api/connection-error-groups/${OUTAGE_GROUP_ID}/outreach/export`);
    expect(response.status).toBe(200);
    const [header, ...records] = parseCsv(Buffer.from(await response.arrayBuffer()).toString('utf8').replace(/^\uFEFF/, ''));
    return records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i]])));
  };
  const reveals = async () =>
    rows<{ outcome: string; connectionId: string; actorEmail: string }>(
      stack.db,
      sql`select outcome, connection_id as "connectionId", actor_email as "actorEmail" from audit_events where action = 'link.reveal' order by id`,
    );

  it('gives customer success a fresh relink URL for each connection that needs one, each reveal audited', async () => {
    const before = (await reveals()).length;
    const records = await exportAs('customer_success');
    expect(records.map((r) => r.connectionId).sort()).toEqual(hit.map((c) => c.id).sort());
    const deauthorized = hit[6]!;
    const row = records.find((r) => r.connectionId === deauthorized.id)!;
    expect(row).toMatchObject({ companyId: deauthorized.companyId, platform: 'QuickBooks Online', status: 'Deauthorized', error: '502 Bad Gateway: QuickBooks did not answer.' });
    expect(row.relinkUrl).toBe((await stack.deps.codat.connections.get(deauthorized.companyId, deauthorized.id)).linkUrl);
    expect(records.filter((r) => r.status === 'Linked').every((r) => r.relinkUrl === '' && /already Linked/.test(r.relinkNote!))).toBe(true);
    const audited = (await reveals()).slice(before);
    expect(audited).toEqual([
      { outcome: 'attempt', connectionId: deauthorized.id, actorEmail: 'cs@console.test' },
      { outcome: 'ok', connectionId: deauthorized.id, actorEmail: 'cs@console.test' },
    ]);
  });

  it('leaves the relink URLs out for finance, who may not share links, and reveals nothing', async () => {
    const before = (await reveals()).length;
    const records = await exportAs('finance');
    expect(records).toHaveLength(hit.length);
    expect(Object.keys(records[0]!)).toEqual(['company', 'companyId', 'merchantId', 'platform', 'connectionId', 'status', 'error']);
    expect(await reveals()).toHaveLength(before);
  });
});

describe('error-group filters, against the emulator', () => {
  /** Groups with an active error whose newest error (any status) falls on or after `fromMs`, from the emulator. */
  function lastSeenSince(fromMs: number): string[] {
    const groups = new Map<string, { active: boolean; lastMs: number }>();
    for (const connection of stack.emu.store.connections.values()) {
      for (const error of connection.errors) {
        const id = errorGroupId(connection.integrationKey, error.statusCode, error.statusText);
        const group = groups.get(id) ?? { active: false, lastMs: 0 };
        group.active ||= error.status === 'Active';
        group.lastMs = Math.max(group.lastMs, error.erroredOnUtc ? Date.parse(error.erroredOnUtc) : Number.MAX_SAFE_INTEGER);
        groups.set(id, group);
      }
    }
    return [...groups].filter(([, g]) => g.active && g.lastMs >= fromMs).map(([id]) => id).sort();
  }
  const list = async (filter: object, sort?: [string, string]) =>
    stack.json(`/api/connection-error-groups?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,999]${sort ? `&sort=${encodeURIComponent(JSON.stringify(sort))}` : ''}`);

  it('filters by last-seen and first-seen range', async () => {
    for (const hours of [2, 24 * 7, 24 * 90]) {
      const from = stack.deps.now() - hours * 3_600_000;
      const { body } = await list({ lastSeenFrom: new Date(from).toISOString() });
      expect((body as any[]).map((g) => g.id).sort(), `last ${hours} h`).toEqual(lastSeenSince(from));
    }
    const all = (await list({})).body as any[];
    const cut = all.map((g) => g.firstSeen).sort()[Math.floor(all.length / 2)];
    const later = (await list({ firstSeenFrom: cut })).body as any[];
    expect(later.map((g) => g.id).sort()).toEqual(all.filter((g) => g.firstSeen >= cut).map((g) => g.id).sort());
    expect((await list({ lastSeenFrom: 'yesterday' })).status).toBe(400);
  });

  it('sorts by trend: companies in the last 24 hours above the daily baseline, growing first', async () => {
    const groups = (await list({}, ['trend', 'DESC'])).body as any[];
    const trend = groups.map((g) => g.recentCompanies - g.baselineCompaniesPerDay);
    expect(trend).toEqual([...trend].sort((a, b) => b - a));
    // The injected outage and the demo's own Xero incident (demo-incident.ts) are the two growing groups.
    expect(groups.slice(0, 2).map((g) => g.id).sort()).toEqual([OUTAGE_GROUP_ID, errorGroupId('gbol', '503', 'Service Unavailable')].sort());
  });
});
