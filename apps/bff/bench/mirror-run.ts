/**
 * Child process of the mirror benchmark, one per database kind (MIRROR_BENCH_DATABASE = pglite |
 * postgres), so each kind's memory is measured on its own. Builds the BFF as the stack does, then
 * measures against the emulator at EMULATOR_URL and sends its figures to the parent.
 */
import { createCodatClient } from '@console/codat-client';
import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { codatObserver } from '../src/codat.js';
import { hashPassword } from '../src/auth/passwords.js';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.js';
import { insertStaff } from '../src/auth/staff-store.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { prepareDatabase } from '../src/db/migrate.js';
import type { BffDeps } from '../src/deps.js';
import { rows } from '../src/mirror/db/sql.js';
import { mirrorRuntime } from '../src/mirror/runtime.js';
import { connectionCountsReport } from '../src/reports/connection-counts.js';
import { MIRROR_DEFAULTS } from '../src/mirror/settings.js';
import type { SyncRun } from '../src/mirror/store.js';
import { beginSync, continueSync } from '../src/mirror/sync.js';
import { createLogger } from '../src/observability/logger.js';
import { Metrics } from '../src/observability/metrics.js';
import { MERCHANT_ID_TAG } from '../src/settings.js';
import { createScratchPostgres } from '../test/databases.js';
import { emulatorControl } from './emulator-control.js';
import { financeFigures, type FinanceFigures } from './finance-run.js';

const MB = 1024 * 1024;
const kind = process.env.MIRROR_BENCH_DATABASE === 'postgres' ? 'postgres' : 'pglite';
/**
 * The baseline of the during-sync figures: the sync as it was before issue 16, each page written
 * whole in one transaction without letting requests go first. Only the syncs are measured.
 */
const wholePages = process.env.MIRROR_BENCH_WHOLE_PAGES === '1';
const terms = JSON.parse(process.env.MIRROR_BENCH_TERMS ?? '[]') as string[];
const twoLetterTerms = JSON.parse(process.env.MIRROR_BENCH_SHORT_TERMS ?? '[]') as string[];
/**
 * One request every this many ms while a sync runs (a few staff at work); well below what the
 * process answers at rest, so the figures show the sync's effect, not a queue of requests.
 */
const PROBE_EVERY_MS = 250;
const PROBE_AT_REST_MS = 5000;
/** A real Codat's answer time (CODAT.md): a steady-state sync is measured at it too, not only at the emulator's 1 ms. */
const REAL_CODAT_LATENCY_MS = 300;
const DAY_MS = 86_400_000;
/** Connections the platform revokes between two steady-state syncs: what a quiet quarter of an hour changes. */
const CHANGED_CONNECTIONS = 100;
/** Companies whose data Codat reads between two syncs. */
const READ_COMPANIES = 1000;
const HOUR_MS = 3_600_000;

/** What the syncs measure (all a whole-pages baseline run measures); a full run adds the rest. */
export interface SyncFigures {
  kind: string;
  wholePages: boolean;
  /** The process with its database open and migrated, before any sync. */
  idleRssMb: number;
  fullSync: { ms: number; peakRssMb: number; peakHeapMb: number; status: string; pages: number; changes: number; walMb?: number };
  incrementalSync: { ms: number; peakRssMb: number; changes: number; walMb?: number };
  counts: { companies: number; connections: number };
  probes: { firstSync: Probe; steadySync: Probe; steadySyncRealLatency: Probe; steadySyncWithChanges: Probe; steadySyncAfterReads: Probe; atRest: Probe };
}

/** A full run's figures. */
export interface RunFigures extends SyncFigures {
  finance: FinanceFigures;
  pagingMs: number;
  pagingCompanies: number;
  search: { samples: number[]; found: number; twoLetter: number[]; twoLetterFound: number };
  baseline: number[];
  report: number[];
  reportComputeMs: number;
  export: { ms: number; bytes: number; peakHeapMb: number; peakRssMb: number };
  otherPages: Record<string, number>;
  /** GET /api/connection-error-groups (page of 25) latencies per filter (issue 14). */
  errorGroupPages: Record<string, number[]>;
  /** GET /api/fleet-health, the dashboard's charts (issue 14). */
  fleetHealth: number[];
  otherExports: Record<string, { ms: number; bytes: number }>;
  /** The next day's first sync, at a real Codat's latency: it builds the day's first snapshot and does the daily upkeep. */
  nextDaySync: { ms: number; probe: Probe };
}

/** Latencies of the requests made while something ran, and the ones that did not answer 200. */
export interface Probe {
  everyMs: number;
  /** Requests answered from the console's database alone. */
  latencies: number[];
  /**
   * Requests that waited for Codat (Server-Timing `codat`): the companies list and search before
   * the first load completes, when the mirror cannot answer yet. A Codat round trip is 150–400 ms
   * on a real Codat: these are reported apart, not judged against the mirror's target.
   */
  codatLatencies: number[];
  /** The worst latency of each kind of request (list, search, report, error groups). */
  worstByKind: Record<string, number>;
  failures: string[];
  /** How late the event loop ran its timers meanwhile (monitorEventLoopDelay): how long it froze. */
  loopDelayMs: { p99: number; max: number };
  /** The sync run's longest hold of the database (embedded PGlite; null on PostgreSQL), when a sync ran. */
  longestHoldMs?: number | null;
}

/** Peak RSS and JS heap while `fn` runs, sampled every 25 ms. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number; peakHeapMb: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 25);
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - started, peakRssMb: peakRss / MB, peakHeapMb: peakHeap / MB };
  } finally {
    clearInterval(sampler);
  }
}

async function open(): Promise<{ database: Database; dispose: () => Promise<void>; dataDir?: string }> {
  if (kind === 'postgres') {
    const scratch = await createScratchPostgres();
    const database = await openDatabase({ url: scratch.url });
    return { database, dispose: async () => (await database.close(), await scratch.drop()) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'console-mirror-bench-'));
  // As the BFF opens CONSOLE_DATA_DIR, first start included.
  const database = await openDatabase({ dataDir });
  return { database, dataDir, dispose: async () => (await database.close(), rmSync(dataDir, { recursive: true, force: true })) };
}

/** PGlite's write-ahead log on disk (PostgreSQL's server keeps its own). */
const walMb = (dataDir: string | undefined) =>
  dataDir === undefined ? undefined : readdirSync(join(dataDir, 'pg_wal')).reduce((bytes, name) => bytes + statSync(join(dataDir, 'pg_wal', name)).size, 0) / 1024 / 1024;

/**
 * Runs `fn` while requests start every PROBE_EVERY_MS on a fixed schedule, as staff click
 * regardless of what the server is doing; each latency is counted from its scheduled start, so
 * an event loop that fires the timer late is charged for it.
 */
async function probed<T>(fn: () => Promise<T>): Promise<{ value: T; probe: Probe }> {
  const latencies: number[] = [];
  const codatLatencies: number[] = [];
  const worstByKind: Record<string, number> = {};
  const failures: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let scheduled = 0;
  const startDue = () => {
    for (; started + scheduled * PROBE_EVERY_MS <= performance.now(); scheduled += 1) {
      const due = started + scheduled * PROBE_EVERY_MS;
      const kind = PROBE_KINDS[scheduled % PROBE_KINDS.length]!;
      const path = probePath(kind, scheduled);
      const request = Promise.resolve(app.request(`http://bench.local${path}`, { headers: { Cookie: cookie } }))
        .then(async (response) => {
          await response.arrayBuffer();
          const latency = performance.now() - due;
          (response.headers.get('server-timing')?.includes('codat') ? codatLatencies : latencies).push(latency);
          worstByKind[kind] = Math.max(worstByKind[kind] ?? 0, latency);
          if (response.status !== 200) failures.push(`${response.status} ${path.split('?')[0]}`);
        })
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
  };
  // Each request's own timer, set for its due time: polling for due requests would charge each
  // one for the poll's granularity (up to a quarter of PROBE_EVERY_MS), not the server's delay.
  let timer: NodeJS.Timeout | undefined;
  const startNext = () => {
    startDue();
    timer = setTimeout(startNext, Math.max(0, started + scheduled * PROBE_EVERY_MS - performance.now()));
  };
  startNext();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  try {
    const value = await fn();
    // Requests due while the loop was blocked to the end are made now, late, as staff would.
    startDue();
    loop.disable();
    return { value, probe: { everyMs: PROBE_EVERY_MS, latencies, codatLatencies, worstByKind, failures, loopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 } } };
  } finally {
    clearTimeout(timer);
    await Promise.all(inFlight);
  }
}

/** Sends the figures to the parent and ends this process. */
async function finish(figures: SyncFigures | RunFigures): Promise<never> {
  process.send!(figures);
  await codat.close();
  await dispose();
  process.exit(0);
}

const { database, dispose, dataDir } = await open();
await prepareDatabase(database, async () => undefined);
globalThis.gc?.();
const idleRssMb = process.memoryUsage().rss / MB;
const metrics = new Metrics();
// As the BFF wires it: each Codat call is noted on the request that made it (Server-Timing), which
// is how requests that waited for Codat are told apart from those the database answered.
const codat = createCodatClient({ baseUrl: process.env.EMULATOR_URL!, apiKey: WELL_KNOWN_API_KEY, timeoutMs: 60_000, observer: codatObserver(metrics) });
const auth = { ...DEFAULT_AUTH_SETTINGS, passwordHashCost: 8 };
const deps: BffDeps = {
  codat,
  logger: createLogger('warn'),
  metrics,
  settings: { merchantIdTag: MERCHANT_ID_TAG, maxBodyBytes: 256 * 1024, auth, mirror: { ...MIRROR_DEFAULTS, intervalMs: 0 } },
  db: database.db,
  now: Date.now,
  readinessChecks: {},
};
await insertStaff(database.db, { email: 'bench@console.local', name: 'Bench', role: 'admin', passwordHash: await hashPassword('bench-password-0001', 8) }, new Date());
const app = createApp(deps);
const login = await app.request('http://bench.local/api/auth/login', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: 'bench@console.local', password: 'bench-password-0001' }),
});
const cookie = login.headers.getSetCookie().find((value) => value.startsWith('console_session='))!.split(';')[0]!;
const get = async (path: string) => {
  const response = await app.request(`http://bench.local${path}`, { headers: { Cookie: cookie } });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return { headers: response.headers, bytes: body.byteLength };
};
/** The emulator's answer time for every Codat call (0: at once). */
const setCodatLatency = (latencyMs: number) => emulatorControl(process.env.EMULATOR_URL!, 'PUT', '/faults', { latencyMs });
const timed = async (path: string) => {
  const started = performance.now();
  const response = await get(path);
  return { ms: performance.now() - started, ...response };
};

// Baseline: the same pages read from Codat and thrown away.
const paging = await measured(async () => {
  let companies = 0;
  for await (const page of codat.companies.pages({ pageSize: MIRROR_DEFAULTS.pageSize, orderBy: 'created' })) companies += page.results.length;
  return companies;
});

const range = encodeURIComponent('[0,24]');
const month = new Date().toISOString().slice(0, 7);
const searchPath = (q: string) => `/api/companies?filter=${encodeURIComponent(JSON.stringify({ q }))}&range=${range}`;
/** What staff open while a sync runs: the companies list, a search, a report, the error groups. */
const PROBE_KINDS = ['list', 'search', 'report', 'error groups'] as const;
const probePath = (kind: (typeof PROBE_KINDS)[number], i: number) =>
  ({
    list: `/api/companies?range=${range}`,
    search: searchPath(terms[i % terms.length]!),
    report: `/api/reports/connection-counts?month=${month}`,
    'error groups': `/api/connection-error-groups?range=${range}`,
  })[kind];

const { sync: slicedSync, settings: mirrorSettings } = mirrorRuntime(deps);
const sync = wholePages ? { ...slicedSync, settings: { ...mirrorSettings, sliceCompanies: mirrorSettings.pageSize }, yieldToRequests: undefined } : slicedSync;
const runSync = async (context = sync) => continueSync(context, (await beginSync(context, 'manual'))!);
/** A probe of a sync, with the run's longest hold of the database. */
const ofSync = ({ probe, value }: { probe: Probe; value: { value: SyncRun } }): Probe => ({ ...probe, longestHoldMs: value.value.longestHoldMs });
const full = await probed(() => measured(() => runSync()));
const walAfterFirstLoad = walMb(dataDir);
const [counts] = await rows<{ companies: number; connections: number }>(
  database.db,
  sql`select (select count(*)::int from mirror_companies where deleted_at is null) as companies, (select count(*)::int from mirror_connections where deleted_at is null) as connections`,
);
const incremental = await probed(() => measured(() => runSync()));
await setCodatLatency(REAL_CODAT_LATENCY_MS);
const realLatency = await probed(() => measured(() => runSync()));
const linked = await rows<{ id: string }>(database.db, sql`select id from mirror_connections where status = 'Linked' and deleted_at is null order by id limit ${CHANGED_CONNECTIONS}`);
for (const { id } of linked) await emulatorControl(process.env.EMULATOR_URL!, 'POST', `/connections/${id}/deauthorize`);
const withChanges = await probed(() => measured(() => runSync()));
// Codat read the data of some companies since, as on any working day: their lastSync moved (and
// nothing a snapshot counts). The reads are queued at once, then the emulator's clock moves past their end.
await setCodatLatency(0);
const read = await rows<{ id: string }>(database.db, sql`select distinct company_id as id from mirror_connections where status = 'Linked' and deleted_at is null order by 1 limit ${READ_COMPANIES}`);
for (let i = 0; i < read.length; i += 50) await Promise.all(read.slice(i, i + 50).map(({ id }) => codat.data.refreshAll(id)));
await emulatorControl(process.env.EMULATOR_URL!, 'POST', '/clock/advance', { ms: HOUR_MS });
await setCodatLatency(REAL_CODAT_LATENCY_MS);
const afterReads = await probed(() => measured(() => runSync()));
await setCodatLatency(0);
const atRest = await probed(() => delay(PROBE_AT_REST_MS));
const syncFigures: SyncFigures = {
  kind,
  wholePages,
  idleRssMb,
  fullSync: { ms: full.value.ms, peakRssMb: full.value.peakRssMb, peakHeapMb: full.value.peakHeapMb, status: full.value.value.status, pages: full.value.value.pages, changes: full.value.value.changes, walMb: walAfterFirstLoad },
  incrementalSync: { ms: incremental.value.ms, peakRssMb: incremental.value.peakRssMb, changes: incremental.value.value.changes, walMb: walMb(dataDir) },
  counts: counts!,
  probes: { firstSync: ofSync(full), steadySync: ofSync(incremental), steadySyncRealLatency: ofSync(realLatency), steadySyncWithChanges: ofSync(withChanges), steadySyncAfterReads: ofSync(afterReads), atRest: atRest.probe },
};
if (wholePages) await finish(syncFigures);

// After a completed sync the companies route searches the mirror, and says so in X-Mirror-Refreshed-At.
if (!(await get(searchPath(terms[0]!))).headers.has('x-mirror-refreshed-at')) throw new Error('search did not use the mirror');
const searchOnce = async (q: string) => {
  const { ms, headers } = await timed(searchPath(q));
  return { ms, found: Number(headers.get('x-total-count')) > 0 };
};
for (const q of terms.slice(0, 20)) await searchOnce(q);
const searchAll = async (queries: string[]) => {
  const results = [];
  for (const q of queries) results.push(await searchOnce(q));
  return { samples: results.map((result) => result.ms), found: results.filter((result) => result.found).length };
};
const search = await searchAll(terms);
const twoLetter = await searchAll(twoLetterTerms);
const baseline: number[] = [];
for (let i = 0; i < 200; i += 1) baseline.push((await timed('/api/auth/me')).ms);

await get(`/api/reports/connection-counts?month=${month}`);
const report: number[] = [];
for (let i = 0; i < 5; i += 1) report.push((await timed(`/api/reports/connection-counts?month=${month}`)).ms);
// What the snapshot step spends computing the report it keeps (mirror_reports).
const computeStarted = performance.now();
await connectionCountsReport(database.db, month, deps.settings.mirror!.billableRule, { inPieces: true });
const reportComputeMs = performance.now() - computeStarted;

// Other mirror-backed pages, for information: the first request of each, then the best of three.
const pages = {
  'GET /api/connection-error-groups (page of 25)': `/api/connection-error-groups?range=${encodeURIComponent('[0,24]')}`,
  'GET /api/reports/possible-duplicates (page of 25)': `/api/reports/possible-duplicates?range=${encodeURIComponent('[0,24]')}`,
  'GET /api/reports/connection-counts/companies (page of 25)': `/api/reports/connection-counts/companies?month=${month}&range=${encodeURIComponent('[0,24]')}`,
};
const otherPages: Record<string, number> = {};
for (const [name, path] of Object.entries(pages)) {
  const samples = [];
  for (let i = 0; i < 4; i += 1) samples.push((await timed(path)).ms);
  otherPages[name] = Math.min(...samples.slice(1));
}

// The error-group list with each of its filters, and the dashboard's charts (issue 14).
const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
const errorGroupFilters: Record<string, object> = {
  'no filter': {},
  platform: { platform: 'gbol' },
  statusCode: { statusCode: '503' },
  'status text search': { q: 'unavailable' },
  'incident only': { probableIncident: true },
  'first seen range': { firstSeenFrom: monthAgo, firstSeenTo: weekAgo },
  'last seen range': { lastSeenFrom: weekAgo },
};
const errorGroupSorts = [['companies', 'DESC'], ['lastSeen', 'DESC'], ['trend', 'DESC']];
const errorGroupPages: Record<string, number[]> = {};
for (const [name, filter] of Object.entries(errorGroupFilters)) {
  const samples: number[] = [];
  for (let i = 0; i < 21; i += 1) {
    const sort = encodeURIComponent(JSON.stringify(errorGroupSorts[i % errorGroupSorts.length]));
    const { ms } = await timed(`/api/connection-error-groups?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${range}&sort=${sort}`);
    if (i > 0) samples.push(ms);
  }
  errorGroupPages[name] = samples;
}
await get('/api/fleet-health');
const fleetHealth: number[] = [];
for (let i = 0; i < 10; i += 1) fleetHealth.push((await timed('/api/fleet-health')).ms);

const exported = await measured(() => timed(`/api/reports/connection-counts/companies/export?month=${month}`));
const otherExports: Record<string, { ms: number; bytes: number }> = {};
for (const [name, path] of Object.entries({ 'possible-duplicates CSV export': '/api/reports/possible-duplicates/export', 'error-groups CSV export': '/api/connection-error-groups/export' })) {
  const { ms, bytes } = await timed(path);
  otherExports[name] = { ms, bytes };
}

const finance = await financeFigures(app, database.db, measured);

// Last, as it moves the mirror's clock a day on: the day's first sync replaces no earlier snapshot of the day.
await setCodatLatency(REAL_CODAT_LATENCY_MS);
const nextDay = await probed(() => measured(() => runSync({ ...sync, now: () => Date.now() + DAY_MS })));
await setCodatLatency(0);

await finish({
  ...syncFigures,
  finance,
  pagingMs: paging.ms,
  pagingCompanies: paging.value,
  search: { samples: search.samples, found: search.found, twoLetter: twoLetter.samples, twoLetterFound: twoLetter.found },
  baseline,
  report,
  reportComputeMs,
  export: { ms: exported.ms, bytes: exported.value.bytes, peakHeapMb: exported.peakHeapMb, peakRssMb: exported.peakRssMb },
  otherPages,
  errorGroupPages,
  fleetHealth,
  otherExports,
  nextDaySync: { ms: nextDay.value.ms, probe: ofSync(nextDay) },
});

