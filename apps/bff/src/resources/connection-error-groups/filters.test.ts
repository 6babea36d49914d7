import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { errorGroupId } from '../../mirror/observe.js';
import { isProbableIncident } from './incident.js';

const DAY_MS = 86_400_000;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ companies: 80, settings: { mirror: TEST_MIRROR_SETTINGS } });
  await syncOnce(syncContext(stack));
});
afterAll(async () => {
  await stack.close();
});

interface TruthGroup {
  id: string;
  platformKey: string;
  statusCode: string;
  text: string;
  companies: number;
  firstSeenMs: number;
  lastSeenMs: number;
  probableIncident: boolean;
}

/** The error groups as the emulator's own store holds them: only groups with an active error, seen-times over all their errors. */
function truth(): TruthGroup[] {
  const now = stack.deps.now();
  const groups = new Map<string, { group: Omit<TruthGroup, 'companies' | 'probableIncident'>; active: Set<string>; recent: Set<string>; baseline: Set<string>; newest: { at: number; message: string } }>();
  for (const connection of stack.emu.store.connections.values()) {
    for (const error of connection.errors) {
      const id = errorGroupId(connection.integrationKey, error.statusCode, error.statusText);
      const at = Date.parse(error.erroredOnUtc);
      const entry = groups.get(id) ?? {
        group: { id, platformKey: connection.integrationKey, statusCode: error.statusCode, text: '', firstSeenMs: at, lastSeenMs: at },
        active: new Set(),
        recent: new Set(),
        baseline: new Set(),
        newest: { at, message: error.errorMessage },
      };
      entry.group.firstSeenMs = Math.min(entry.group.firstSeenMs, at);
      entry.group.lastSeenMs = Math.max(entry.group.lastSeenMs, at);
      if (at >= entry.newest.at) entry.newest = { at, message: error.errorMessage };
      entry.group.text = `${error.statusText} ${entry.newest.message}`.toLowerCase();
      if (error.status === 'Active') entry.active.add(connection.companyId);
      if (at >= now - DAY_MS) entry.recent.add(connection.companyId);
      else if (at >= now - 30 * DAY_MS) entry.baseline.add(`${connection.companyId} ${Math.floor((now - at) / DAY_MS)}`);
      groups.set(id, entry);
    }
  }
  return [...groups.values()]
    .filter((entry) => entry.active.size > 0)
    .map((entry) => ({ ...entry.group, companies: entry.active.size, probableIncident: isProbableIncident(entry.recent.size, entry.baseline.size) }));
}

const listed = async (filter: object, sort?: [string, string]) => {
  const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,999]${sort ? `&sort=${encodeURIComponent(JSON.stringify(sort))}` : ''}`;
  const { status, body } = await stack.json(`/api/connection-error-groups?${query}`);
  expect(status).toBe(200);
  return body as Array<{ id: string; companies: number; lastSeen: string; recentCompanies: number; baselineCompaniesPerDay: number }>;
};
const ids = (groups: Array<{ id: string }>) => groups.map((group) => group.id).sort();

describe('error-group filters agree with the emulator’s own store', () => {
  const now = () => stack.deps.now();
  const cases: Array<[string, () => object, (group: TruthGroup) => boolean]> = [
    ['platform', () => ({ platform: 'gbol' }), (g) => g.platformKey === 'gbol'],
    ['status code', () => ({ statusCode: '401' }), (g) => g.statusCode === '401'],
    ['status text or message', () => ({ q: 'Token' }), (g) => g.text.includes('token')],
    ['incident only', () => ({ probableIncident: true }), (g) => g.probableIncident],
    ['last seen in the last two days', () => ({ lastSeenFrom: new Date(now() - 2 * DAY_MS).toISOString() }), (g) => g.lastSeenMs >= now() - 2 * DAY_MS],
    ['first seen over a month ago', () => ({ firstSeenTo: new Date(now() - 30 * DAY_MS).toISOString() }), (g) => g.firstSeenMs <= now() - 30 * DAY_MS],
    [
      'platform, code and both ranges together',
      () => ({ platform: 'qhyg', statusCode: '401', firstSeenTo: new Date(now() - 30 * DAY_MS).toISOString(), lastSeenFrom: new Date(now() - 1000 * DAY_MS).toISOString() }),
      (g) => g.platformKey === 'qhyg' && g.statusCode === '401' && g.firstSeenMs <= now() - 30 * DAY_MS && g.lastSeenMs >= now() - 1000 * DAY_MS,
    ],
  ];

  it.each(cases)('%s', async (_name, filter, keep) => {
    const expected = truth().filter(keep).map((group) => group.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await listed(filter()))).toEqual(expected);
  });

  it('a filter nothing matches lists nothing; a bad one is refused by name', async () => {
    expect(await listed({ statusCode: '418' })).toEqual([]);
    const { status, body } = await stack.json(`/api/connection-error-groups?filter=${encodeURIComponent(JSON.stringify({ platform: 'Xero' }))}`);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/platform/);
  });

  it('sorts by companies affected, last seen and trend as the store orders them', async () => {
    const all = truth();
    expect((await listed({}, ['companies', 'DESC'])).map((g) => g.companies)).toEqual(all.map((g) => g.companies).sort((a, b) => b - a));
    expect((await listed({}, ['lastSeen', 'DESC'])).map((g) => Date.parse(g.lastSeen))).toEqual(all.map((g) => g.lastSeenMs).sort((a, b) => b - a));
    const byTrend = await listed({}, ['trend', 'DESC']);
    expect(byTrend[0]!.id).toBe(errorGroupId('gbol', '503', 'Service Unavailable'));
    const growth = byTrend.map((g) => g.recentCompanies - g.baselineCompaniesPerDay);
    expect(growth).toEqual([...growth].sort((a, b) => b - a));
  });
});
