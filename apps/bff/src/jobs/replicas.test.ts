import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectOutage, OUTAGE_GROUP_ID, queuedSince, replicaRunner, TEST_JOB_SETTINGS } from '../../test/jobs.js';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { startStack, type Stack } from '../../test/stack.js';
import { openDatabase, type Database } from '../db/database.js';
import { rows } from '../mirror/db/sql.js';
import { jobRunner } from './runtime.js';

let stack: Stack;
let hit: ReturnType<typeof injectOutage>;
beforeAll(async () => {
  stack = await startStack({ database: 'postgres', settings: { mirror: TEST_MIRROR_SETTINGS, jobs: TEST_JOB_SETTINGS } });
  // The test's two replicas work the job; the stack's own runner stays out of it.
  await jobRunner(stack.deps).stop();
  hit = injectOutage(stack, 14);
  await syncOnce(syncContext(stack));
}, 60_000);
afterAll(async () => {
  await stack.close();
});

const until = async (condition: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const itemStatuses = async (jobId: number) =>
  Object.fromEntries(
    (await rows<{ status: string; n: number }>(stack.db, sql`select status, count(*)::int as n from job_items where job_id = ${jobId} group by status`)).map((row) => [row.status, row.n]),
  );

describe('a bulk refresh worked by two replicas on PostgreSQL', () => {
  it('queues exactly one read per Linked affected connection, though the replica working it dies mid-item', async () => {
    const replicas: Record<string, Database> = {
      'replica-a': await openDatabase({ url: stack.database.url! }),
      'replica-b': await openDatabase({ url: stack.database.url! }),
    };
    const runners = Object.fromEntries(Object.entries(replicas).map(([name, database]) => [name, replicaRunner(stack, name, database.db, { concurrency: 2 })]));
    // Reads answer at once and each pull takes a second, so a replica spends nearly all its time
    // with a call in flight; the pulls still land well before the survivor looks them up.
    stack.emu.faults.settings = { ...stack.emu.faults.settings, latencyMs: 1_000, methods: ['POST'] };
    const startedMs = stack.deps.now();
    const support = await stack.as('support');
    const created = await support.json('/api/jobs', { method: 'POST', body: { kind: 'refresh', dataTypes: ['invoices'], errorGroupId: OUTAGE_GROUP_ID } });
    expect(created.status).toBe(201);
    const jobId: number = created.body.id;

    // Both replicas look for work at once: one takes the lease, the other finds none.
    const runs = Object.fromEntries(Object.entries(runners).map(([name, runner]) => [name, runner.runOnce().catch(() => 'crashed' as const)]));
    // An item attempted in the last half second has its pull in flight for at least another half
    // second; an older one's pull may land (and the replica move on) before the holder is killed.
    await until(async () => {
      const since = new Date(stack.deps.now() - 500).toISOString();
      const [counts] = await rows<{ done: number; pulling: number }>(
        stack.db,
        sql`select count(*) filter (where status = 'done')::int as done,
                   count(*) filter (where status = 'attempted' and attempted_at > ${since}::timestamptz)::int as pulling
            from job_items where job_id = ${jobId}`,
      );
      return counts!.done >= 1 && counts!.pulling >= 1;
    }, 'a company done and a call to Codat just made');
    const [{ holder }] = (await rows<{ holder: string }>(stack.db, sql`select holder from jobs where id = ${jobId}`)) as [{ holder: string }];
    // The holder dies with items in flight, at once (a pull takes a second): its database
    // connections are gone, its Codat calls land or not.
    await replicas[holder]!.close();
    const survivor = Object.keys(runners).find((name) => name !== holder)!;
    expect(await runs[survivor]).toBe(false);
    expect(await runs[holder]).toBe('crashed');
    const left = await itemStatuses(jobId);
    // A pull was in flight when it died (how many items it had not reached depends on the machine's speed).
    expect(left.attempted).toBeGreaterThan(0);

    // The survivor takes over once the lease expires, resolves what was in flight from Codat, and finishes.
    await until(async () => (await runners[survivor]!.runOnce()) && (await itemStatuses(jobId)).done === new Set(hit.map((c) => c.companyId)).size, 'the survivor to finish');
    const [job] = await rows<{ status: string; holder: string | null }>(stack.db, sql`select status, holder from jobs where id = ${jobId}`);
    expect(job).toEqual({ status: 'completed', holder: null });

    const queued = queuedSince(stack, 'invoices', startedMs);
    expect([...queued.keys()].sort()).toEqual(hit.map((c) => c.id).sort());
    expect([...queued.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    await replicas[survivor]!.close();
  }, 60_000);
});
