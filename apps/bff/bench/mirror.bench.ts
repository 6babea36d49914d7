/**
 * Fleet mirror benchmark (a script that prints figures, not a test). The emulator holds 100,000
 * companies and ~250,000 connections (the fleet seed plus added banking and commerce connections,
 * see mirror-emulator-process.ts) in its own process; the BFF runs once per database kind, each
 * in a fresh process (bench/mirror-run.ts) so memory is measured per kind. Figures per kind:
 *   - full sync, first load (empty mirror → every company, connection and error stored, the
 *     day's snapshot taken, indexes built): time (target < 60 s) and peak RSS of the process
 *     (target < 512 MB; the process's RSS with its database open and idle is printed beside it:
 *     embedded PGlite alone holds most of the budget); baseline = the same Codat pages read and
 *     thrown away in the same process;
 *   - full sync in steady state (every page read again, nothing changed; target < 60 s);
 *   - on PGlite, its write-ahead log on disk after each of those syncs;
 *   - /api requests made during each of those syncs (the companies list, a search, the
 *     connection-counts report, the error groups; one every 250 ms on a fixed schedule): p50 / p99
 *     of those answered from the database (target p99 < 100 ms; the list and search wait for Codat
 *     until the first load completes, and those are reported apart) and the event loop's delay,
 *     against the same requests at rest after the syncs and against the same syncs run as before
 *     issue 16 (each page one transaction, requests not let first) in a fresh process and database
 *     of the same run (MIRROR_BENCH_WHOLE_PAGES_BASELINE=0 skips it); the same with the emulator
 *     answering in 300 ms, as a real Codat does, during a steady-state sync, during one after 100
 *     connections were deauthorized (the day's snapshot replaced for them; each run deauthorizes
 *     other ones in the shared emulator), and during the next day's first sync (the day's snapshot
 *     built in pieces and swapped in, history pruned, the daily upkeep);
 *   - company search over the mirror through GET /api/companies: p50 / p95 (target p95 < 50 ms)
 *     over name words, merchant ids (as the seed tagged them), ids and three-letter prefixes;
 *     two-letter terms apart; how many of the queries found a company; baseline = GET
 *     /api/auth/me through the same app;
 *   - GET /api/reports/connection-counts (target < 500 ms, worst of 5), which serves the report
 *     the day's snapshot computed and kept; the computation itself is timed too;
 *   - the error-group list (page of 25) with each filter: p95 of 20 requests over three sorts
 *     (target < 100 ms); the dashboard's charts, GET /api/fleet-health (target < 300 ms, worst of 10);
 *   - the per-company counts CSV export (one row per company with a connection), and the possible
 *     duplicates and error groups exports.
 * Run with `npm run bench:mirror` (a few minutes). Exits 1 when a target is missed. Set
 * MIRROR_BENCH_DATABASES=pglite to skip PostgreSQL (TEST_POSTGRES_URL says where it is), and
 * MIRROR_BENCH_COMPANIES / MIRROR_BENCH_CONNECTIONS for a smaller fleet while iterating, and
 * MIRROR_BENCH_JOBS=0 to leave out the bulk-jobs benchmark that otherwise follows. At 100,000
 * companies on a shared machine, run one database per invocation (MIRROR_BENCH_DATABASES=postgres,
 * then =pglite).
 */
import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import type { StoreSummary } from '@console/codat-emulator';
import { financeChecks } from './finance-run.js';
import { ms, table, verdict } from './report.js';
import type { Probe, RunFigures, SyncFigures } from './mirror-run.js';
import { bffStartFlags } from './start-flags.js';

const DATABASES = (process.env.MIRROR_BENCH_DATABASES ?? 'pglite,postgres').split(',');
/** Also run each kind's syncs as they were before issue 16 (whole pages), as the during-sync baseline; 0 skips it. */
const WHOLE_PAGES_BASELINE = process.env.MIRROR_BENCH_WHOLE_PAGES_BASELINE !== '0';
const TARGETS = { syncMs: 60_000, syncRssMb: 512, searchP95Ms: 50, reportMs: 500, duringSyncP99Ms: 100, errorGroupsP95Ms: 100, fleetHealthMs: 300 };

interface EmulatorReady {
  url: string;
  summary: StoreSummary;
  names: string[];
  companyIds: string[];
  /** Merchant ids as the seed tagged them. */
  merchantIds: string[];
}


function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;
const mb = (value: number) => `${Math.round(value)} MB`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** Forks a child and waits for its first message. */
function child<T>(script: string, env: Record<string, string>, execArgv = process.execArgv): { message: Promise<T>; stop: () => void } {
  const process_ = fork(new URL(script, import.meta.url), [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const message = new Promise<T>((resolve, reject) => {
    process_.once('message', (value) => resolve(value as T));
    process_.once('exit', (code) => reject(new Error(`${script} exited (${code}) before reporting`)));
  });
  return { message, stop: () => void process_.kill('SIGINT') };
}

/**
 * What staff type: a word of a name, a merchant id, a pasted company id, or the first three
 * letters of a name (search as you type). Two-letter terms are measured apart: no trigram index
 * serves them, so they scan.
 */
function searchTerms(emulator: EmulatorReady): { terms: string[]; twoLetter: string[] } {
  const words = emulator.names.flatMap((name) => name.split(' ').filter((word) => word.length >= 4));
  const terms: string[] = [];
  for (let i = 0; i < 200; i += 1) {
    if (i % 4 === 0) terms.push(words[(i * 7) % words.length]!.toLowerCase());
    else if (i % 4 === 1) terms.push(emulator.merchantIds[(i * 7) % emulator.merchantIds.length]!);
    else if (i % 4 === 2) terms.push(emulator.companyIds[i % emulator.companyIds.length]!);
    else terms.push(emulator.names[i % emulator.names.length]!.slice(0, 3).toLowerCase());
  }
  return { terms, twoLetter: emulator.names.slice(0, 50).map((name) => name.slice(0, 2).toLowerCase()) };
}

function probeContext(probe: Probe): string {
  const failures = probe.failures.length > 0 ? `; not 200: ${[...new Set(probe.failures)].join(', ')} (${probe.failures.length})` : '';
  const worst = Object.entries(probe.worstByKind).map(([kind, latency]) => `${kind} ${ms(latency)}`).join(', ');
  const codat = probe.codatLatencies;
  const waitedForCodat =
    codat.length > 0 ? `; ${codat.length} more waited for Codat (the mirror not loaded yet): p50 ${ms(percentile(codat, 50))}, p99 ${ms(percentile(codat, 99))}` : '';
  const held = probe.longestHoldMs == null ? '' : `; the sync held the database for up to ${ms(probe.longestHoldMs)}`;
  return `${probe.latencies.length} requests answered from the database${waitedForCodat}, one per ${probe.everyMs} ms; worst ${ms(Math.max(...probe.latencies))} (by kind: ${worst}); event loop delay p99 ${ms(probe.loopDelayMs.p99)}, max ${ms(probe.loopDelayMs.max)}${held}${failures}`;
}

type Check = [string, string, string, string, boolean | undefined];

/**
 * p50 and p99 of requests made during a sync, against the same requests at rest and against the
 * whole-pages sync measured in the same run (when it was).
 */
function duringSync<F extends SyncFigures>(name: string, pick: (figures: F) => Probe, run: F, wholePages?: F): Check[] {
  const probe = pick(run);
  const at = (p: number, figures: F = run) => percentile(pick(figures).latencies, p);
  const ratios = (p: number) => {
    const atRest = `${(at(p) / percentile(run.probes.atRest.latencies, p)).toFixed(1)}x at rest`;
    return wholePages ? `${atRest}; whole-pages sync ${ms(at(p, wholePages))} (${(at(p) / at(p, wholePages)).toFixed(2)}x)` : atRest;
  };
  return [
    [`${name} p50`, '—', ms(at(50)), ratios(50), undefined],
    [`${name} p99`, `< ${TARGETS.duringSyncP99Ms} ms`, ms(at(99)), `${ratios(99)}; ${probeContext(probe)}`, at(99) < TARGETS.duringSyncP99Ms],
  ];
}

/** The whole-pages baseline's own sync figures, for before / after. */
function wholePagesChecks(b: SyncFigures): Check[] {
  return [
    ['baseline: whole-pages sync, first load', '—', seconds(b.fullSync.ms), `peak RSS ${mb(b.fullSync.peakRssMb)}; ${b.fullSync.status}`, undefined],
    ['baseline: whole-pages sync, steady state', '—', seconds(b.incrementalSync.ms), `peak RSS ${mb(b.incrementalSync.peakRssMb)}`, undefined],
    ['baseline: /api during its first sync p50 / p99', '—', `${ms(percentile(b.probes.firstSync.latencies, 50))} / ${ms(percentile(b.probes.firstSync.latencies, 99))}`, probeContext(b.probes.firstSync), undefined],
    ['baseline: /api during its steady sync p50 / p99', '—', `${ms(percentile(b.probes.steadySync.latencies, 50))} / ${ms(percentile(b.probes.steadySync.latencies, 99))}`, probeContext(b.probes.steadySync), undefined],
  ];
}

const emulatorChild = child<EmulatorReady>('./mirror-emulator-process.ts', {});
const emulator = await emulatorChild.message;
const { terms, twoLetter } = searchTerms(emulator);
const results: Array<{ run: RunFigures; wholePages?: SyncFigures }> = [];
try {
  for (const kind of DATABASES) {
    const runChild = <T>(env: Record<string, string>) =>
      child<T>('./mirror-run.ts', { EMULATOR_URL: emulator.url, MIRROR_BENCH_DATABASE: kind, MIRROR_BENCH_TERMS: JSON.stringify(terms), MIRROR_BENCH_SHORT_TERMS: JSON.stringify(twoLetter), ...env }, [...process.execArgv, ...bffStartFlags()]).message;
    const wholePages = WHOLE_PAGES_BASELINE ? await runChild<SyncFigures>({ MIRROR_BENCH_WHOLE_PAGES: '1' }) : undefined;
    results.push({ run: await runChild<RunFigures>({}), wholePages });
  }
} finally {
  emulatorChild.stop();
}

const { summary } = emulator;
write(`Fleet mirror: ${summary.companies} companies, ${summary.connections} connections (${summary.connectionsWithActiveErrors} with an active error) in the emulator; ${availableParallelism()} CPUs, Node ${process.version}; load average at the end ${loadavg().map((value) => value.toFixed(2)).join(' / ')}`);
let failed = false;
for (const { run: r, wholePages } of results) {
  const complete = r.counts.companies === summary.companies && r.counts.connections === summary.connections && r.fullSync.status === 'completed';
  const searchP95 = percentile(r.search.samples, 95);
  const reportWorst = Math.max(...r.report);
  const checks: Check[] = [
    ['full sync, first load (empty mirror)', `< ${seconds(TARGETS.syncMs)}`, seconds(r.fullSync.ms), `paging alone ${seconds(r.pagingMs)} (${r.pagingCompanies} companies)`, r.fullSync.ms < TARGETS.syncMs],
    ['  peak RSS during it', `< ${TARGETS.syncRssMb} MB`, mb(r.fullSync.peakRssMb), `idle process with database ${mb(r.idleRssMb)}; JS heap peak ${mb(r.fullSync.peakHeapMb)}`, r.fullSync.peakRssMb < TARGETS.syncRssMb],
    ['  mirror = emulator', 'equal', `${r.counts.companies} / ${r.counts.connections}`, `${r.fullSync.pages} pages, ${r.fullSync.changes} changes`, complete],
    ['full sync, steady state (nothing changed)', `< ${seconds(TARGETS.syncMs)}`, seconds(r.incrementalSync.ms), `${r.incrementalSync.changes} changes, peak RSS ${mb(r.incrementalSync.peakRssMb)}`, r.incrementalSync.ms < TARGETS.syncMs],
    ...(r.fullSync.walMb === undefined ? [] : [['  PGlite write-ahead log on disk', '—', mb(r.incrementalSync.walMb!), `after the first load ${mb(r.fullSync.walMb)}, then after the steady-state sync`, undefined] as Check]),
    ['search p50 (GET /api/companies)', '—', ms(percentile(r.search.samples, 50)), `baseline GET /api/auth/me p50 ${ms(percentile(r.baseline, 50))}`, undefined],
    ['search p95', `< ${TARGETS.searchP95Ms} ms`, ms(searchP95), `${r.search.samples.length} queries: name words, merchant ids, ids, 3-letter prefixes; ${r.search.found} found a company`, searchP95 < TARGETS.searchP95Ms],
    ['  two-letter terms p50 / p95', '—', `${ms(percentile(r.search.twoLetter, 50))} / ${ms(percentile(r.search.twoLetter, 95))}`, `${r.search.twoLetter.length} queries (no index applies: a scan); ${r.search.twoLetterFound} found a company`, undefined],
    ['/api at rest p50 / p99', '—', `${ms(percentile(r.probes.atRest.latencies, 50))} / ${ms(percentile(r.probes.atRest.latencies, 99))}`, probeContext(r.probes.atRest), undefined],
    ...duringSync('/api during the first sync', (f) => f.probes.firstSync, r, wholePages),
    ...duringSync('/api during the steady-state sync', (f) => f.probes.steadySync, r, wholePages),
    ...duringSync('/api during a steady-state sync, Codat at 300 ms', (f) => f.probes.steadySyncRealLatency, r, wholePages),
    ...duringSync('/api during a steady-state sync after 100 connections were deauthorized, Codat at 300 ms', (f) => f.probes.steadySyncWithChanges, r, wholePages),
    ...duringSync('/api during a steady-state sync after Codat read 1,000 companies’ data, Codat at 300 ms', (f) => f.probes.steadySyncAfterReads, r, wholePages),
    ...duringSync("/api during the next day's first sync, Codat at 300 ms", (f: RunFigures) => f.nextDaySync.probe, r),
    ["  the next day's first sync", '—', seconds(r.nextDaySync.ms), "the day's first snapshot built in pieces and swapped in (not replaced), history pruned, tables vacuumed where due", undefined],
    ...(wholePages ? wholePagesChecks(wholePages) : []),
    ['connection-counts report (worst of 5)', `< ${TARGETS.reportMs} ms`, ms(reportWorst), `p50 ${ms(percentile(r.report, 50))}; kept from the snapshot step`, reportWorst < TARGETS.reportMs],
    ['  computing it (once per snapshot)', '—', ms(r.reportComputeMs), 'from 250,000 connection-month rows', undefined],
    ...Object.entries(r.otherPages).map(([name, value]): [string, string, string, string, undefined] => [name, '—', ms(value), 'best of 3 after a first request', undefined]),
    ...Object.entries(r.errorGroupPages).map(([name, samples]): Check => {
      const p95 = percentile(samples, 95);
      return [`error groups, ${name}: p95`, `< ${TARGETS.errorGroupsP95Ms} ms`, ms(p95), `p50 ${ms(percentile(samples, 50))}; ${samples.length} pages of 25, sorted by companies, last seen, trend`, p95 < TARGETS.errorGroupsP95Ms];
    }),
    ['dashboard charts (GET /api/fleet-health), worst of 10', `< ${TARGETS.fleetHealthMs} ms`, ms(Math.max(...r.fleetHealth)), `p50 ${ms(percentile(r.fleetHealth, 50))}`, Math.max(...r.fleetHealth) < TARGETS.fleetHealthMs],
    ['per-company CSV export', '—', seconds(r.export.ms), `${mb(r.export.bytes / 1024 / 1024)} file, heap peak ${mb(r.export.peakHeapMb)}, RSS peak ${mb(r.export.peakRssMb)}`, undefined],
    ...financeChecks(r.finance),
    ...Object.entries(r.otherExports).map(([name, { ms: took, bytes }]): [string, string, string, string, undefined] => [name, '—', seconds(took), `${mb(bytes / 1024 / 1024)} file`, undefined]),
  ];
  failed ||= checks.some(([, , , , ok]) => ok === false);
  write();
  write(`${r.kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}`);
  write(table(['measure', 'target', 'measured', 'context', 'result'], checks.map(([name, target, value, context, ok]) => [name, target, value, context, ok === undefined ? '' : verdict(ok)])));
}
if (failed) process.exitCode = 1;
// Bulk jobs (issue 14): a refresh over 1,000 companies at 300 ms Codat latency; prints its own table.
if (process.env.MIRROR_BENCH_JOBS !== '0') await import('./jobs.bench.js');
