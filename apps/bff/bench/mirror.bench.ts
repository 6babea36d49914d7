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
 *   - company search over the mirror through GET /api/companies: p50 / p95 (target p95 < 50 ms)
 *     over name words, merchant ids, ids and three-letter prefixes; two-letter terms apart;
 *     baseline = GET /api/auth/me through the same app;
 *   - GET /api/reports/connection-counts (target < 500 ms, worst of 5), which serves the report
 *     the day's snapshot computed and kept; the computation itself is timed too;
 *   - the per-company counts CSV export (one row per company with a connection), and the possible
 *     duplicates and error groups exports.
 * Run with `npm run bench:mirror` (a few minutes). Exits 1 when a target is missed. Set
 * MIRROR_BENCH_DATABASES=pglite to skip PostgreSQL (TEST_POSTGRES_URL says where it is).
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { StoreSummary } from '@console/codat-emulator';
import { financeChecks, type FinanceFigures } from './finance-run.js';
import { ms, table, verdict } from './report.js';
import { bffStartFlags } from './start-flags.js';

const DATABASES = (process.env.MIRROR_BENCH_DATABASES ?? 'pglite,postgres').split(',');
const TARGETS = { syncMs: 60_000, syncRssMb: 512, searchP95Ms: 50, reportMs: 500 };

interface EmulatorReady {
  url: string;
  summary: StoreSummary;
  names: string[];
  companyIds: string[];
}

interface RunFigures {
  kind: string;
  finance: FinanceFigures;
  /** The process with its database open and migrated, before any sync. */
  idleRssMb: number;
  pagingMs: number;
  pagingCompanies: number;
  fullSync: { ms: number; peakRssMb: number; peakHeapMb: number; status: string; pages: number; changes: number };
  incrementalSync: { ms: number; peakRssMb: number; changes: number };
  counts: { companies: number; connections: number };
  search: { samples: number[]; twoLetter: number[] };
  baseline: number[];
  report: number[];
  reportComputeMs: number;
  export: { ms: number; bytes: number; peakHeapMb: number; peakRssMb: number };
  otherPages: Record<string, number>;
  otherExports: Record<string, { ms: number; bytes: number }>;
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
    else if (i % 4 === 1) terms.push(`M-${200_000 + ((i * 7919) % 100_000)}`);
    else if (i % 4 === 2) terms.push(emulator.companyIds[i % emulator.companyIds.length]!);
    else terms.push(emulator.names[i % emulator.names.length]!.slice(0, 3).toLowerCase());
  }
  return { terms, twoLetter: emulator.names.slice(0, 50).map((name) => name.slice(0, 2).toLowerCase()) };
}

const emulatorChild = child<EmulatorReady>('./mirror-emulator-process.ts', {});
const emulator = await emulatorChild.message;
const { terms, twoLetter } = searchTerms(emulator);
const results: RunFigures[] = [];
try {
  for (const kind of DATABASES) {
    const run = child<RunFigures>('./mirror-run.ts', { EMULATOR_URL: emulator.url, MIRROR_BENCH_DATABASE: kind, MIRROR_BENCH_TERMS: JSON.stringify(terms), MIRROR_BENCH_SHORT_TERMS: JSON.stringify(twoLetter) }, [...process.execArgv, ...bffStartFlags()]);
    results.push(await run.message);
  }
} finally {
  emulatorChild.stop();
}

const { summary } = emulator;
write(`Fleet mirror: ${summary.companies} companies, ${summary.connections} connections (${summary.connectionsWithActiveErrors} with an active error) in the emulator; ${availableParallelism()} CPUs, Node ${process.version}`);
let failed = false;
for (const r of results) {
  const complete = r.counts.companies === summary.companies && r.counts.connections === summary.connections && r.fullSync.status === 'completed';
  const searchP95 = percentile(r.search.samples, 95);
  const reportWorst = Math.max(...r.report);
  const checks: Array<[string, string, string, string, boolean | undefined]> = [
    ['full sync, first load (empty mirror)', `< ${seconds(TARGETS.syncMs)}`, seconds(r.fullSync.ms), `paging alone ${seconds(r.pagingMs)} (${r.pagingCompanies} companies)`, r.fullSync.ms < TARGETS.syncMs],
    ['  peak RSS during it', `< ${TARGETS.syncRssMb} MB`, mb(r.fullSync.peakRssMb), `idle process with database ${mb(r.idleRssMb)}; JS heap peak ${mb(r.fullSync.peakHeapMb)}`, r.fullSync.peakRssMb < TARGETS.syncRssMb],
    ['  mirror = emulator', 'equal', `${r.counts.companies} / ${r.counts.connections}`, `${r.fullSync.pages} pages, ${r.fullSync.changes} changes`, complete],
    ['full sync, steady state (nothing changed)', `< ${seconds(TARGETS.syncMs)}`, seconds(r.incrementalSync.ms), `${r.incrementalSync.changes} changes, peak RSS ${mb(r.incrementalSync.peakRssMb)}`, r.incrementalSync.ms < TARGETS.syncMs],
    ['search p50 (GET /api/companies)', '—', ms(percentile(r.search.samples, 50)), `baseline GET /api/auth/me p50 ${ms(percentile(r.baseline, 50))}`, undefined],
    ['search p95', `< ${TARGETS.searchP95Ms} ms`, ms(searchP95), `${r.search.samples.length} queries: name words, merchant ids, ids, 3-letter prefixes`, searchP95 < TARGETS.searchP95Ms],
    ['  two-letter terms p50 / p95', '—', `${ms(percentile(r.search.twoLetter, 50))} / ${ms(percentile(r.search.twoLetter, 95))}`, `${r.search.twoLetter.length} queries (no index applies: a scan)`, undefined],
    ['connection-counts report (worst of 5)', `< ${TARGETS.reportMs} ms`, ms(reportWorst), `p50 ${ms(percentile(r.report, 50))}; kept from the snapshot step`, reportWorst < TARGETS.reportMs],
    ['  computing it (once per snapshot)', '—', ms(r.reportComputeMs), 'from 250,000 connection-month rows', undefined],
    ...Object.entries(r.otherPages).map(([name, value]): [string, string, string, string, undefined] => [name, '—', ms(value), 'best of 3 after a first request', undefined]),
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
await import('./jobs.bench.js');
