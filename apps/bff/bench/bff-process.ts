/**
 * Child process of the benchmark: the BFF composed exactly as src/main.ts composes it (same
 * environment parsing, database, Codat client, JSON access log on stdout, fleet mirror job) and
 * served with @hono/node-server, against the emulator at EMULATOR_URL. It reports ready once the
 * mirror's first sync has completed, so list requests take the path production takes from then
 * on (the mirror, not Codat). Sessions and the mirror live in a throw-away PGlite directory, or
 * in PostgreSQL when DATABASE_URL is set; the first admin is BENCH_ACCOUNT.
 */
import { serve } from '@hono/node-server';
import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../src/app.js';
import { connectCodat } from '../src/codat.js';
import { openDatabaseFromEnv } from '../src/db/open-from-env.js';
import { loadEnv } from '../src/env.js';
import { mirrorRefreshedAt } from '../src/mirror/freshness.js';
import { mirrorRuntime } from '../src/mirror/runtime.js';
import { createLogger } from '../src/observability/logger.js';
import { Metrics } from '../src/observability/metrics.js';
import { settingsFromEnv } from '../src/settings.js';
import { BENCH_ACCOUNT, sendReady } from './ipc.js';

const dataDir = mkdtempSync(join(tmpdir(), 'console-bench-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

const env = loadEnv({
  ...process.env,
  CODAT_API_KEY: WELL_KNOWN_API_KEY,
  CODAT_BASE_URL: process.env.EMULATOR_URL,
  CONSOLE_DATA_DIR: dataDir,
  ADMIN_EMAIL: BENCH_ACCOUNT.email,
  ADMIN_PASSWORD: BENCH_ACCOUNT.password,
});
const logger = createLogger(env.LOG_LEVEL);
const metrics = new Metrics();
const settings = settingsFromEnv(env);
const { database } = await openDatabaseFromEnv(env, logger, settings.auth.passwordHashCost);
const codat = await connectCodat(env, logger, metrics);
const deps = { codat: codat.client, logger, metrics, settings, db: database.db, now: Date.now, readinessChecks: {} };
const app = createApp(deps);
mirrorRuntime(deps).job.start();
while (!(await mirrorRefreshedAt(database.db))) await sleep(200);

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  sendReady({ url: `http://127.0.0.1:${info.port}`, database: database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)' });
});
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
