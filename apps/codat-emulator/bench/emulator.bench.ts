/**
 * Emulator benchmark (a script, not a test): seeds a 100,000-company fleet in-process, then
 * measures list and get latencies over real HTTP against targets. A constant-time request
 * (integration branding) measured in the same run is the baseline, so figures also read as
 * ratios on slower machines. Run with `npm run bench` (needs --expose-gc). Exit code 1 if a
 * target is missed.
 */
import { WELL_KNOWN_API_KEY } from '../src/config.js';
import { SeededRandom } from '../src/seed/random.js';
import { seedFleet } from '../src/seed/fleet.js';
import { summarizeStore } from '../src/seed/summary.js';
import { startEmulator } from '../src/server.js';

const COMPANIES = 100_000;
const PAGE_SIZE = 5000;
const PAGE_ROUNDS = 3;
const COMPANY_GETS = 2000;
const BASELINE_GETS = 2000;
const MB = 1024 * 1024;

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function collectGarbage(): void {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

async function main(): Promise<void> {
  collectGarbage();
  const rssBeforeMb = process.memoryUsage().rss / MB;
  let seedMs = 0;
  const running = await startEmulator({
    port: 0,
    setup: (emu) => {
      const startedMs = performance.now();
      seedFleet(emu, { companies: COMPANIES, seed: 1 });
      seedMs = performance.now() - startedMs;
    },
  });
  const peakSeedRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
  collectGarbage();
  const retained = process.memoryUsage();
  const summary = summarizeStore(running.emu.store);

  const headers = { Authorization: `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}` };
  const timeGet = async (path: string): Promise<number> => {
    const startedMs = performance.now();
    const response = await fetch(`${running.url}${path}`, { headers });
    await response.arrayBuffer();
    const elapsedMs = performance.now() - startedMs;
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    return elapsedMs;
  };
  const sample = async (count: number, path: (i: number) => string): Promise<number[]> => {
    const samples: number[] = [];
    for (let i = 0; i < count; i += 1) samples.push(await timeGet(path(i)));
    return samples;
  };

  const ids = running.emu.store.companyOrder;
  const rng = new SeededRandom(2024);
  const randomCompany = () => `/companies/${ids[rng.int(0, ids.length - 1)]}`;
  const pages = Math.ceil(ids.length / PAGE_SIZE);
  const page = (i: number) => `/companies?page=${(i % pages) + 1}&pageSize=${PAGE_SIZE}`;

  // Warm-up: JIT, keep-alive sockets.
  await sample(300, () => '/integrations/gbol/branding');
  await sample(300, randomCompany);
  await sample(3, page);

  const baseline = await sample(BASELINE_GETS, () => '/integrations/gbol/branding');
  const byId = await sample(COMPANY_GETS, randomCompany);
  const pageTimes = await sample(pages * PAGE_ROUNDS, page);
  const state = await sample(20, () => '/_emulator/state');
  const peakRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
  await running.close();

  const baseP50 = percentile(baseline, 50);
  const rows: Array<[metric: string, target: string, measured: number, unit: string, ok?: boolean]> = [
    ['seed 100,000 companies', '< 10000 ms', seedMs, 'ms', seedMs < 10_000],
    ['peak RSS (whole run)', '< 1024 MB', peakRssMb, 'MB', peakRssMb < 1024],
    ['peak RSS after seeding', '—', peakSeedRssMb, 'MB'],
    ['heap retained after seeding (after GC)', '—', retained.heapUsed / MB, 'MB'],
    ['GET /integrations/gbol/branding p50 (baseline)', '—', baseP50, 'ms'],
    ['GET /integrations/gbol/branding p99', '—', percentile(baseline, 99), 'ms'],
    [`GET /companies?pageSize=${PAGE_SIZE} p50`, '< 150 ms', percentile(pageTimes, 50), 'ms', percentile(pageTimes, 50) < 150],
    [`GET /companies?pageSize=${PAGE_SIZE} p99`, '—', percentile(pageTimes, 99), 'ms'],
    ['GET /companies/{id} p50', '< 2 ms', percentile(byId, 50), 'ms', percentile(byId, 50) < 2],
    ['GET /companies/{id} p99', '—', percentile(byId, 99), 'ms'],
    ['GET /_emulator/state p50 (counts the whole store)', '—', percentile(state, 50), 'ms'],
  ];

  write(`Fleet: ${summary.companies} companies, ${summary.connections} connections, ${summary.datasets} pull operations, ${summary.sourceAccounts} source accounts`);
  write(`Samples: ${BASELINE_GETS} baseline, ${COMPANY_GETS} company gets, ${pageTimes.length} pages (${pages} pages × ${PAGE_ROUNDS}), RSS before seeding ${rssBeforeMb.toFixed(0)} MB`);
  write();
  const header = ['metric', 'target', 'measured', '× baseline p50', 'result'];
  const lines = rows.map(([metric, target, measured, unit, ok]) => [
    metric,
    target,
    `${measured.toFixed(unit === 'ms' && measured < 10 ? 2 : 0)} ${unit}`,
    unit === 'ms' && metric.startsWith('GET') ? `${(measured / baseP50).toFixed(1)}×` : '',
    ok === undefined ? '' : ok ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  write(format(header));
  write(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) write(format(line));
  if (rows.some(([, , , , ok]) => ok === false)) process.exitCode = 1;
}

await main();
