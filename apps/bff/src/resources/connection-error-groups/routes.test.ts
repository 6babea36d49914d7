import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { inBackground } from '../../db/lanes.js';
import { errorGroupId } from '../../mirror/observe.js';
import { errorGroups, type GroupRow } from './queries.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
});
afterAll(async () => {
  await stack.close();
});

/** Active errors grouped by platform + status code + status text, straight from the emulator. */
function truth() {
  const groups = new Map<string, { connections: Set<string>; companies: Set<string> }>();
  for (const connection of stack.emu.store.connections.values()) {
    for (const error of connection.errors) {
      if (error.status !== 'Active') continue;
      const id = errorGroupId(connection.integrationKey, error.statusCode, error.statusText);
      const group = groups.get(id) ?? { connections: new Set(), companies: new Set() };
      group.connections.add(connection.id);
      group.companies.add(connection.companyId);
      groups.set(id, group);
    }
  }
  return Object.fromEntries([...groups].map(([id, g]) => [id, { connections: g.connections.size, companies: g.companies.size }]).sort());
}

const all = async (filter: object = {}) => (await stack.json(`/api/connection-error-groups?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,999]`)).body as any[];

/** The same error hitting `count` companies now: what a platform outage looks like. */
function injectOutage(count: number) {
  const erroredOnUtc = new Date(stack.deps.now() - 3_600_000).toISOString();
  const linked = [...stack.emu.store.connections.values()].filter((c) => c.status === 'Linked' && c.integrationKey === 'qhyg').slice(0, count);
  for (const connection of linked) {
    connection.errors.push({ statusCode: '502', statusText: 'Bad Gateway', errorMessage: 'QuickBooks did not answer.', erroredOnUtc, status: 'Active' });
  }
  return linked;
}

describe('connection-error-groups', () => {
  it('groups the fleet’s active errors as the emulator holds them', async () => {
    await syncOnce(syncContext(stack));
    const groups = await all();
    expect(Object.fromEntries(groups.map((g) => [g.id, { connections: g.connections, companies: g.companies }]).sort())).toEqual(truth());
    const revoked = groups.find((g) => g.id === errorGroupId('qhyg', '401', 'The integration de-authorized access to the connection.'));
    expect(revoked).toMatchObject({ platformKey: 'qhyg', platformName: 'QuickBooks Online', statusCode: '401', probableIncident: false, notes: [] });
    expect(revoked.trend).toHaveLength(30);
    expect(groups.map((g) => g.companies)).toEqual([...groups.map((g) => g.companies)].sort((a, b) => b - a));
  });

  it('finds the same groups in pieces, as background work on embedded PGlite does, as in one statement', async () => {
    const byId = (groups: GroupRow[]) => [...groups].sort((a, b) => a.id.localeCompare(b.id));
    const whole = await errorGroups(stack.db);
    expect(whole.length).toBeGreaterThan(3);
    expect(byId(await inBackground(() => errorGroups(stack.db)))).toEqual(byId(whole));
  });

  it('flags a spike across many companies as a probable platform incident', async () => {
    const hit = injectOutage(6);
    expect(hit).toHaveLength(6);
    await syncOnce(syncContext(stack));
    const outage = (await all({ probableIncident: true })).find((g) => g.statusCode === '502');
    expect(outage).toMatchObject({ platformKey: 'qhyg', companies: 6, recentCompanies: 6, probableIncident: true });
    // On the error's day, which is yesterday in the hour after midnight (UTC).
    const erroredOn = hit[0]!.errors.at(-1)!.erroredOnUtc!.slice(0, 10);
    expect(outage.trend.find((day: { date: string }) => day.date === erroredOn)).toMatchObject({ errors: 6, companies: 6 });
  });

  it('counts a company with two failing connections once among companies, and samples the latest message', async () => {
    const linked = [...stack.emu.store.connections.values()].find((c) => c.status === 'Linked')!;
    const twin: typeof linked = { ...linked, id: crypto.randomUUID(), errors: [], otps: [] };
    stack.emu.store.addConnection(twin);
    const at = (hoursAgo: number) => new Date(stack.deps.now() - hoursAgo * 3_600_000).toISOString();
    const error = { statusCode: '507', statusText: 'Insufficient Storage', status: 'Active' as const };
    linked.errors.push({ ...error, errorMessage: 'The older message.', erroredOnUtc: at(2) });
    twin.errors.push({ ...error, errorMessage: 'The latest message.', erroredOnUtc: at(1) });
    await syncOnce(syncContext(stack));
    expect(await all({ statusCode: '507' })).toEqual([expect.objectContaining({ connections: 2, companies: 1, sampleMessage: 'The latest message.' })]);
  });

  it('getOne lists the affected companies', async () => {
    const [outage] = await all({ statusCode: '502' });
    const { status, body, headers } = await stack.json(`/api/connection-error-groups/${outage.id}`);
    expect(status).toBe(200);
    expect(headers.get('x-mirror-refreshed-at')).toMatch(/^\d{4}-/);
    expect(body.affectedTotal).toBe(6);
    expect(body.affected).toHaveLength(6);
    expect(body.affected[0]).toEqual(expect.objectContaining({ companyId: expect.any(String), companyName: expect.any(String), connectionStatus: 'Linked', errorMessage: 'QuickBooks did not answer.' }));
    expect((await stack.json('/api/connection-error-groups/0123456789abcdef01234567')).status).toBe(404);
    expect((await stack.json('/api/connection-error-groups/not-a-group')).status).toBe(400);
  });

  it('support annotates a group and a connection; the notes show with them and are audited', async () => {
    const [outage] = await all({ statusCode: '502' });
    const support = await stack.as('support');
    const groupNote = await support.json('/api/notes', { method: 'POST', body: { targetType: 'error-group', targetId: outage.id, text: 'Intuit status page reports an outage.' } });
    expect(groupNote.status).toBe(201);
    expect(groupNote.body).toMatchObject({ authorEmail: 'support@console.test', targetType: 'error-group', targetId: outage.id });
    const connectionNote = await support.json('/api/notes', { method: 'POST', body: { targetType: 'connection', targetId: F.activeError.connectionId, text: '=cmd Called the customer.' } });
    expect(connectionNote.status).toBe(201);

    expect((await all({ statusCode: '502' }))[0].notes).toEqual([groupNote.body]);
    const timeline = (await stack.json(`/api/companies/${F.activeError.companyId}/timeline`)).body;
    expect(timeline.connections.find((c: { id: string }) => c.id === F.activeError.connectionId).notes).toEqual([connectionNote.body]);
    const listed = await stack.json(`/api/notes?filter=${encodeURIComponent(JSON.stringify({ targetType: 'connection', targetId: F.activeError.connectionId }))}`);
    expect(listed.body).toEqual([connectionNote.body]);

    const { rows } = await import('../../mirror/db/sql.js');
    const { sql } = await import('drizzle-orm');
    const audited = await rows<{ action: string; connectionId: string | null }>(stack.db, sql`select action, connection_id as "connectionId" from audit_events where action = 'note.create' order by id`);
    expect(audited).toEqual([{ action: 'note.create', connectionId: null }, { action: 'note.create', connectionId: F.activeError.connectionId }]);
  });

  it('refuses notes on unknown targets, empty notes, and notes from roles that cannot write them', async () => {
    const support = await stack.as('support');
    expect((await support.json('/api/notes', { method: 'POST', body: { targetType: 'connection', targetId: '00000000-0000-4000-8000-000000000000', text: 'x' } })).status).toBe(404);
    expect((await support.json('/api/notes', { method: 'POST', body: { targetType: 'error-group', targetId: 'zz', text: 'x' } })).status).toBe(400);
    expect((await support.json('/api/notes', { method: 'POST', body: { targetType: 'connection', targetId: F.activeError.connectionId, text: '  ' } })).status).toBe(400);
    const finance = await stack.as('finance');
    expect((await finance.json('/api/notes', { method: 'POST', body: { targetType: 'connection', targetId: F.activeError.connectionId, text: 'x' } })).status).toBe(403);
    expect((await finance.json('/api/connection-error-groups')).status).toBe(200);
  });

  it('while a sync writes, answers at once with the last grouping and catches up in the background every 30 s; never with one older than the last completed pass', async () => {
    const list = () => stack.json(`/api/connection-error-groups?range=[0,999]`);
    /** Connections in the 504 groups (one per platform), undefined when there is none. */
    const timeouts = (groups: any[]) => groups.filter((g) => g.statusCode === '504').reduce((sum: number | undefined, g) => (sum ?? 0) + g.connections, undefined);
    // Errors on the sync's first page, so the run has written them when it pauses there.
    const { results } = await stack.deps.codat.companies.list({ page: 1, pageSize: TEST_MIRROR_SETTINGS.pageSize, orderBy: 'created' });
    const hit = results.flatMap((company) => company.dataConnections ?? []).slice(0, 3);
    for (const { id } of hit) {
      stack.emu.store.connections.get(id)!.errors.push({ statusCode: '504', statusText: 'Gateway Timeout', errorMessage: 'The platform timed out.', erroredOnUtc: new Date(stack.deps.now()).toISOString(), status: 'Active' });
    }
    const before = await list();
    const refreshedAt = before.headers.get('x-mirror-refreshed-at');
    expect(timeouts(before.body)).toBeUndefined();

    let pausedOnFirstPage!: () => void;
    const paused = new Promise<void>((resolve) => (pausedOnFirstPage = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const afterPage = async (_run: unknown, page: number) => {
      if (page !== 1) return;
      pausedOnFirstPage();
      await resumed;
    };
    const sync = syncOnce(syncContext(stack, { afterPage }));
    await paused;

    const during = await list();
    expect(during.headers.get('x-mirror-refreshed-at')).toBe(refreshedAt);
    expect(timeouts(during.body)).toBeUndefined();
    // Half a minute on, the grouping is taken again in the background while the sync still writes.
    const realNow = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => realNow() + 31_000);
    try {
      await expect.poll(async () => timeouts((await list()).body), { timeout: 2_000 }).toBe(hit.length);
    } finally {
      vi.restoreAllMocks();
    }

    resume();
    await sync;
    const after = await list();
    expect(after.headers.get('x-mirror-refreshed-at')).not.toBe(refreshedAt);
    expect(timeouts(after.body)).toBe(hit.length);
  });
});
