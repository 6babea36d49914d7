import { errorGroupId } from '../src/mirror/observe.js';
import type { Db } from '../src/db/database.js';
import { createJobRunner, type JobSettings } from '../src/jobs/runner.js';
import type { Stack } from './stack.js';

/** Job settings for tests: short leases and polls, no long waits for unanswered calls. */
type ConnectionRecord = Stack['emu']['store']['connections'] extends Map<string, infer C> ? C : never;

export const TEST_JOB_SETTINGS: JobSettings = { concurrency: 8, leaseMs: 1_500, pollMs: 50, resolveAfterMs: 2_500 };

export const OUTAGE = { platformKey: 'qhyg', statusCode: '502', statusText: 'Bad Gateway' } as const;
export const OUTAGE_GROUP_ID = errorGroupId(OUTAGE.platformKey, OUTAGE.statusCode, OUTAGE.statusText);

/**
 * A QuickBooks outage in the emulator: the same active error on `linked` Linked connections and
 * on `deauthorized` Deauthorized ones (which a refresh must skip). Answers the connections hit.
 */
export function injectOutage(stack: Stack, linked: number, deauthorized = 0): ConnectionRecord[] {
  const erroredOnUtc = new Date(stack.deps.now() - 3_600_000).toISOString();
  const qbo = [...stack.emu.store.connections.values()].filter((c) => c.integrationKey === OUTAGE.platformKey);
  const hit = [...qbo.filter((c) => c.status === 'Linked').slice(0, linked), ...qbo.filter((c) => c.status === 'Deauthorized').slice(0, deauthorized)];
  for (const connection of hit) {
    connection.errors.push({ statusCode: OUTAGE.statusCode, statusText: OUTAGE.statusText, errorMessage: 'QuickBooks did not answer.', erroredOnUtc, status: 'Active' });
  }
  return hit;
}

/** From the emulator's own pull history: reads of `dataType` requested since `sinceMs`, per connection. */
export function queuedSince(stack: Pick<Stack, 'emu'>, dataType: string, sinceMs: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const datasets of stack.emu.store.datasets.values()) {
    for (const dataset of datasets) {
      if (dataset.dataType === dataType && dataset.requestedMs >= sinceMs) counts.set(dataset.connectionId, (counts.get(dataset.connectionId) ?? 0) + 1);
    }
  }
  return counts;
}

/** Another replica's runner: its own name, and the database handle given (its own pool, on PostgreSQL). */
export function replicaRunner(stack: Stack, holder: string, db: Db, settings: Partial<JobSettings> = {}) {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  return createJobRunner({ db, codat: stack.deps.codat, logger: stack.deps.logger, now: stack.deps.now, sleep, holder, settings: { ...TEST_JOB_SETTINGS, ...settings } });
}

/** Polls a job until `done` says so (10 s at most). */
export async function waitForJob(stack: Stack, id: number, done: (job: any) => boolean = (job) => job.status === 'completed'): Promise<any> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { body } = await stack.json(`/api/jobs/${id}`);
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`job ${id} did not get there: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
