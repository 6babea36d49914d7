import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { connectCodat } from './codat.js';
import type { BffDeps } from './deps.js';
import { outcomeResolver } from './exactly-once/runtime.js';
import { mirrorRuntime } from './mirror/runtime.js';
import { jobRunner } from './jobs/runtime.js';
import { openDatabaseFromEnv } from './db/open-from-env.js';
import { loadEnv } from './env.js';
import { createLogger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { settingsFromEnv } from './settings.js';
import { startNotice } from './start-notice.js';

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
const metrics = new Metrics();
const settings = settingsFromEnv(env);
const { database, firstAccounts } = await openDatabaseFromEnv(env, logger, settings.auth.passwordHashCost);
const codat = await connectCodat(env, logger, metrics);

const deps: BffDeps = {
  codat: codat.client,
  logger,
  metrics,
  settings: { ...settings, inviteUrl: settings.inviteUrl ?? codat.inviteUrl },
  db: database.db,
  now: Date.now,
  readinessChecks: {
    codat: async () => {
      await codat.client.integrations.list({ pageSize: 1 });
    },
    database: () => database.ping(),
  },
};
const app = createApp(deps);
// The fleet mirror syncs on MIRROR_SYNC_INTERVAL_MINUTES; replicas share it through a lease.
const mirror = mirrorRuntime(deps).job;
mirror.start();
// Actions left without an outcome (a crash, a Codat timeout) are settled by looking in Codat.
const resolver = outcomeResolver(deps);
resolver.start({ soleProcess: database.kind === 'pglite' });
// Bulk jobs: any replica works an open job once its lease is free (a dead replica's expires).
const jobs = jobRunner(deps);
jobs.start({ soleProcess: database.kind === 'pglite' });

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info({ port: info.port }, `console listening on http://localhost:${info.port}`);
  process.stdout.write(startNotice({ url: env.PUBLIC_URL ?? `http://localhost:${info.port}`, firstAccounts, demo: codat.emulator !== undefined }));
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  // close() stops accepting connections and resolves once in-flight requests have finished.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // A run in progress stops after its current page and is resumed by the next run.
  await mirror.stop();
  await resolver.stop();
  await jobs.stop();
  await codat.client.close();
  await codat.emulator?.close();
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
