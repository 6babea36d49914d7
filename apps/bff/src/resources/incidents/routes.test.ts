import { DEMO_INCIDENT } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { errorGroupId } from '../../mirror/observe.js';
import { RECENT_DAYS } from './find-incidents.js';

const DAY_MS = 86_400_000;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
});
afterAll(async () => {
  await stack.close();
});

/** Companies with an error of the group in the emulator, and those erroring at or after `sinceMs`. */
function companiesWith(platformKey: string, statusCode: string, sinceMs = 0) {
  const companies = new Set<string>();
  for (const connection of stack.emu.store.connections.values()) {
    if (connection.integrationKey !== platformKey) continue;
    if (connection.errors.some((e) => e.statusCode === statusCode && e.status === 'Active' && Date.parse(e.erroredOnUtc) >= sinceMs)) companies.add(connection.companyId);
  }
  return companies;
}

/** A QuickBooks outage `daysAgo` that is over: 502s at `count` companies that day, resolved within the hour. */
function pastOutage(count: number, daysAgo: number) {
  const erroredMs = stack.deps.now() - daysAgo * DAY_MS;
  const linked = [...stack.emu.store.connections.values()].filter((c) => c.status === 'Linked' && c.integrationKey === 'qhyg').slice(0, count);
  for (const connection of linked) {
    connection.errors.push({
      statusCode: '502',
      statusText: 'Bad Gateway',
      errorMessage: 'QuickBooks did not answer.',
      erroredOnUtc: new Date(erroredMs).toISOString(),
      resolvedOnUtc: new Date(erroredMs + 3_600_000).toISOString(),
      status: 'Resolved',
    });
  }
  return { linked, day: new Date(erroredMs).toISOString().slice(0, 10) };
}

describe('incidents', () => {
  it('the demo’s Xero outage is current and growing, with its companies per day against its baseline', async () => {
    await syncOnce(syncContext(stack));
    const { status, body, headers } = await stack.as('support').then((support) => support.json('/api/incidents'));
    expect(status).toBe(200);
    expect(headers.get('x-mirror-refreshed-at')).toMatch(/^\d{4}-/);
    expect(body).toMatchObject({ rule: expect.stringMatching(/at least 5 companies .* 5× /), growingRule: expect.stringMatching(/12 hours/), recentDays: RECENT_DAYS, retentionMonths: 13 });
    const hit = companiesWith(DEMO_INCIDENT.platformKey, DEMO_INCIDENT.statusCode);
    expect(hit.size).toBeGreaterThanOrEqual(5);
    const [xero, ...others] = body.incidents;
    expect(others).toEqual([]);
    expect(xero).toMatchObject({
      id: errorGroupId('gbol', '503', 'Service Unavailable'),
      platformName: 'Xero',
      companies: hit.size,
      probableIncident: true,
      incident: { status: 'current', endedOn: null, growing: true, companiesLast12h: companiesWith('gbol', '503', stack.deps.now() - 12 * 3_600_000).size, thresholdCompanies: 5 },
    });
    const errored = [...stack.emu.store.connections.values()].flatMap((c) => (c.integrationKey === 'gbol' ? c.errors : [])).filter((e) => e.statusCode === '503' && e.status === 'Active');
    expect(xero.incident.startedAt).toBe(new Date(Math.min(...errored.filter((e) => e.erroredOnUtc.slice(0, 10) === xero.incident.startedOn).map((e) => Date.parse(e.erroredOnUtc)))).toISOString());
    expect(xero.trend).toHaveLength(30);
    expect(xero.trend.reduce((sum: number, day: { companies: number }) => sum + day.companies, 0)).toBeGreaterThanOrEqual(hit.size);
  });

  it('an outage that is over stays listed, ended on its last day, after the current one', async () => {
    const { linked, day } = pastOutage(6, 3);
    expect(linked).toHaveLength(6);
    await syncOnce(syncContext(stack));
    const { body } = await stack.json('/api/incidents');
    expect(body.incidents.map((i: { platformKey: string; incident: { status: string } }) => [i.platformKey, i.incident.status])).toEqual([
      ['gbol', 'current'],
      ['qhyg', 'ended'],
    ]);
    expect(body.incidents[1]).toMatchObject({ statusCode: '502', companies: 0, probableIncident: false, incident: { startedOn: day, endedOn: day, growing: false } });
  });

  it('an outage older than the recent window is not listed', async () => {
    const older = stack.deps.now() - (RECENT_DAYS + 2) * DAY_MS;
    for (const connection of [...stack.emu.store.connections.values()].filter((c) => c.status === 'Linked' && c.integrationKey === 'qhyg').slice(0, 6)) {
      connection.errors.push({ statusCode: '504', statusText: 'Gateway Timeout', errorMessage: 'x', erroredOnUtc: new Date(older).toISOString(), resolvedOnUtc: new Date(older + 60_000).toISOString(), status: 'Resolved' });
    }
    await syncOnce(syncContext(stack));
    const { body } = await stack.as('finance').then((finance) => finance.json('/api/incidents'));
    expect(body.incidents.map((i: { statusCode: string }) => i.statusCode)).toEqual(['503', '502']);
  });
});
