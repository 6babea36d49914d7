import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { isActiveError } from '../../mirror/observe.js';
import { isSandboxPlatform } from '../../codat/sandbox-platforms.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ scenario: 'fleet', companies: 80, settings: { mirror: TEST_MIRROR_SETTINGS } });
});
afterAll(async () => {
  await stack.close();
});

const DAY_MS = 86_400_000;

/** The figures as the emulator's own store gives them now. */
function truth() {
  const now = stack.deps.now();
  const connections = [...stack.emu.store.connections.values()];
  const byStatus: Record<string, number> = {};
  for (const c of connections) if (!isSandboxPlatform(c.integrationKey)) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
  const activeErrors = connections.flatMap((c) => c.errors.filter((e) => isActiveError(e.status ?? null, c.status))).length;
  const failing = connections.filter((c) => c.status === 'Linked' && c.errors.some((e) => e.status === 'Active'));
  const ages = { day: 0, week: 0, month: 0, older: 0, never: 0 };
  for (const company of stack.emu.store.companies.values()) {
    if (!company.connectionIds.some((id) => stack.emu.store.connections.get(id)?.status === 'Linked')) continue;
    const age = company.lastSyncMs === undefined ? Infinity : now - company.lastSyncMs;
    ages[age === Infinity ? 'never' : age <= DAY_MS ? 'day' : age <= 7 * DAY_MS ? 'week' : age <= 30 * DAY_MS ? 'month' : 'older'] += 1;
  }
  return { byStatus, activeErrors, failingConnections: failing.length, failingCompanies: new Set(failing.map((c) => c.companyId)).size, ages };
}

/** The same error hitting `count` Linked companies of one platform now: a platform outage. */
function injectOutage(count: number) {
  const erroredOnUtc = new Date(stack.deps.now() - 3_600_000).toISOString();
  const linked = [...stack.emu.store.connections.values()].filter((c) => c.status === 'Linked');
  const platform = [...new Set(linked.map((c) => c.integrationKey))].sort((a, b) => linked.filter((c) => c.integrationKey === b).length - linked.filter((c) => c.integrationKey === a).length)[0];
  return linked.filter((c) => c.integrationKey === platform).slice(0, count).map((connection) => {
    connection.errors.push({ statusCode: '502', statusText: 'Bad Gateway', errorMessage: 'The platform did not answer.', erroredOnUtc, status: 'Active' });
    return connection;
  });
}


describe('GET /api/fleet-health', () => {
  it('answers the dashboard’s figures as the emulator holds them, each saying when it was taken', async () => {
    const before = await stack.json('/api/fleet-health');
    expect(before.status).toBe(200);
    expect(before.headers.get('x-mirror-refreshed-at')).toBe('never');
    expect(before.body).toMatchObject({ refreshedAt: null, connectionsByStatus: { takenAt: null, days: [] } });

    expect(injectOutage(6)).toHaveLength(6);
    const run = await syncOnce(syncContext(stack));
    expect(run.status).toBe('completed');
    const expected = truth();
    const { status, body, headers } = await stack.json('/api/fleet-health');
    expect(status).toBe(200);
    expect(headers.get('x-mirror-refreshed-at')).toBe(body.refreshedAt);
    expect(body.refreshedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const today = new Date(stack.deps.now()).toISOString().slice(0, 10);
    expect(body.to).toBe(today);
    const todays = body.connectionsByStatus.days.at(-1);
    expect(todays).toMatchObject({ day: today, byStatus: expected.byStatus, reconstructed: false });
    expect(body.connectionsByStatus.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    expect(body.activeErrors.days).toHaveLength(30);
    expect(body.activeErrors.days.at(-1)).toEqual({ day: today, errors: expected.activeErrors });
    expect(body.activeErrors.takenAt).toBe(body.refreshedAt);

    expect(body.incidents.open).toBeGreaterThanOrEqual(1);
    expect(body.incidents.groups.find((g: { statusCode: string }) => g.statusCode === '502')).toMatchObject({ recentCompanies: 6, companies: 6 });
    expect(body.incidents.rule).toMatch(/at least 5 companies/);

    const ages = Object.fromEntries(body.syncs.linkedCompaniesBySyncAge.map((row: { age: string; companies: number }) => [row.age, row.companies]));
    expect(ages).toEqual(expected.ages);
    expect(body.syncs).toMatchObject({
      stuckAfterDays: 7,
      stuckCompanies: expected.ages.month + expected.ages.older + expected.ages.never,
      failingConnections: expected.failingConnections,
      failingCompanies: expected.failingCompanies,
    });
    expect(expected.failingConnections).toBeGreaterThanOrEqual(6);
  });

  it('counts an error on the days it was active, not after it resolved', async () => {
    const [connection] = injectOutage(1);
    const error = connection!.errors.at(-1)!;
    await syncOnce(syncContext(stack));
    const active = (await stack.json('/api/fleet-health')).body.activeErrors.days.at(-1).errors;
    error.status = 'Resolved';
    error.resolvedOnUtc = new Date(stack.deps.now()).toISOString();
    await syncOnce(syncContext(stack));
    const { body } = await stack.json('/api/fleet-health');
    expect(body.activeErrors.days.at(-1).errors).toBe(active - 1);
    expect(body.activeErrors.days.at(-1).errors).toBe(truth().activeErrors);
  });

  it('is for every signed-in role, and no one else', async () => {
    for (const role of ['customer_success', 'support', 'finance', 'admin'] as const) expect((await (await stack.as(role)).json('/api/fleet-health')).status).toBe(200);
    expect((await (await stack.as('anonymous')).json('/api/fleet-health')).status).toBe(401);
  });
});
