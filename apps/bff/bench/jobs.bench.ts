/**
 * Bulk-job benchmark (a script that prints figures, not a test): a refresh of one data type over
 * 1,000 companies, worked by the job runner with its production defaults (JOB_DEFAULTS) on
 * embedded PGlite, against the emulator in its own process answering every call after 300 ms.
 * Targets: done in < 60 s, and 0 requests refused by Codat's 10-per-company concurrency rule
 * (counted by the emulator in /_emulator/state). Baseline: the same number of Codat calls made
 * by the same number of workers straight through the Codat client, no job, no database.
 * Run on its own with `node --import tsx bench/jobs.bench.ts`; `npm run bench:mirror` runs it last.
 */
import { createCodatClient } from '@console/codat-client';
import { sql } from 'drizzle-orm';
import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { setTimeout as delay } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/database.js';
import { prepareDatabase } from '../src/db/migrate.js';
import { createJobRunner, JOB_DEFAULTS } from '../src/jobs/runner.js';
import { insertJob, itemCounts } from '../src/jobs/store.js';
import { MIRROR_DEFAULTS } from '../src/mirror/settings.js';
import { rows } from '../src/mirror/db/sql.js';
import { createMirrorStore } from '../src/mirror/db/store.js';
import { beginSync, continueSync } from '../src/mirror/sync.js';
import { createLogger } from '../src/observability/logger.js';
import { MERCHANT_ID_TAG } from '../src/settings.js';
import { integrationCatalog } from '../src/codat/integration-catalog.js';
import { selectJobItems } from '../src/resources/jobs/selection.js';
import { emulatorControl } from './emulator-control.js';
import { startChild } from './ipc.js';
import { table, verdict } from './report.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const COMPANIES = 1000;
const LATENCY_MS = 300;
const TARGET_MS = 60_000;

const emulator = await startChild('./emulator-process.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'console-jobs-bench-'));
const database = await openDatabase({ dataDir });
try {
  await prepareDatabase(database, async () => undefined);
  const logger = createLogger('warn');
  const codat = createCodatClient({ baseUrl: emulator.url, apiKey: WELL_KNOWN_API_KEY, timeoutMs: 30_000 });
  const now = Date.now;
  const sync = {
    codat,
    store: createMirrorStore(database.db, MIRROR_DEFAULTS.billableRule),
    logger,
    settings: { ...MIRROR_DEFAULTS, intervalMs: 0 },
    merchantIdTag: MERCHANT_ID_TAG,
    holder: 'bench',
    now,
    sleep: (ms: number) => delay(ms),
    platformKeys: ((connections) => integrationCatalog(codat, now).keyResolver(connections)) as Parameters<typeof continueSync>[0]['platformKeys'],
  };
  await continueSync(sync, (await beginSync(sync, 'manual'))!);

  const companyIds = (await rows<{ id: string }>(database.db, sql`select id from mirror_companies order by id limit ${COMPANIES}`)).map((row) => row.id);
  await emulatorControl(emulator.url, 'PUT', '/faults', { latencyMs: LATENCY_MS });

  // Baseline: the calls a job makes per company (data status, then the queue), as plain reads.
  const baselineStarted = performance.now();
  const queue = [...companyIds];
  await Promise.all(
    Array.from({ length: JOB_DEFAULTS.concurrency }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        await codat.data.status(id);
        await codat.data.status(id);
      }
    }),
  );
  const baselineMs = performance.now() - baselineStarted;

  const items = await selectJobItems(database.db, { companyIds });
  const job = await insertJob(database.db, {
    kind: 'refresh',
    params: { dataTypes: ['invoices'], selection: { companyIds } },
    createdAt: new Date(),
    createdBy: { email: 'bench@console.local', role: 'support' },
    items,
  });
  const runner = createJobRunner({ db: database.db, codat, logger, now, sleep: (ms) => delay(ms), holder: 'bench', settings: JOB_DEFAULTS });
  const started = performance.now();
  await runner.runOnce();
  const jobMs = performance.now() - started;
  const counts = (await itemCounts(database.db, [job.id])).get(job.id)!;
  const state = await emulatorControl<{ concurrency: { rejected: number; peakPerCompany: number } }>(emulator.url, 'GET', '/state');
  const reasons = await rows<{ status: string; reason: string; n: number }>(
    database.db,
    sql`select status, left(reason, 70) as reason, count(*)::int as n from job_items where job_id = ${job.id} and reason is not null group by 1, 2 order by 3 desc limit 4`,
  );
  const rejected: number = state.concurrency.rejected;

  process.stdout.write(
    `\nBulk refresh job: ${COMPANIES} companies (${items.reduce((n, item) => n + item.connectionIds.length, 0)} Linked connections), emulator latency ${LATENCY_MS} ms, ${JOB_DEFAULTS.concurrency} items at once, PGlite\n`,
  );
  process.stdout.write(
    `${table(
      ['measure', 'target', 'measured', 'context', 'result'],
      [
        ['job, created to completed', `< ${seconds(TARGET_MS)}`, seconds(jobMs), `baseline (same calls, no job) ${seconds(baselineMs)}; ratio ${(jobMs / baselineMs).toFixed(2)}`, verdict(jobMs < TARGET_MS)],
        ['  items', '—', `${counts.done} done, ${counts.skipped} skipped, ${counts.failed} failed`, `${counts.pending + counts.attempted} left open`, ''],
        ...reasons.map((row) => [`    ${row.status}: ${row.n}`, '', '', row.reason, '']),
        ['429s from the per-company concurrency rule', '0', String(rejected), `peak in flight for one company: ${state.concurrency.peakPerCompany}`, verdict(rejected === 0)],
      ],
    )}\n`,
  );
  if (jobMs >= TARGET_MS || rejected > 0 || counts.pending + counts.attempted > 0) process.exitCode = 1;
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
  await emulator.stop();
}
