import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStack, type Stack } from '../../test/stack.js';
import { forgetRefreshedAt } from './freshness.js';
import { runQueries } from './db/runs.js';
import { mirrorSummary } from './summary-cache.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ companies: 0 });
});
afterAll(async () => {
  await stack.close();
});

/** A summary that counts how often it was taken, and can be held mid-way. */
function counting() {
  let taken = 0;
  let hold: Promise<void> | undefined;
  const summary = mirrorSummary(async () => {
    taken += 1;
    const value = taken;
    await hold;
    return value;
  });
  return { summary, taken: () => taken, holdWith: (gate: Promise<void> | undefined) => (hold = gate) };
}

const recordChange = () =>
  stack.db.execute(sql`insert into mirror_changes (kind, company_id, occurred_at, seen_at, source) values ('company.created', 'c', now(), now(), 'sync')`);
const setRun = (status: string) =>
  stack.db.execute(sql`insert into mirror_sync_runs (trigger, status, holder, started_at, finished_at, page_size, last_page, pages, companies, connections, changes, deleted_companies, resumed_count, errors)
    values ('manual', ${status}, 'test', now(), ${status === 'running' ? null : sql`now()`}, 10, 0, 0, 0, 0, 0, 0, 0, '[]'::jsonb)`);

describe('mirrorSummary', () => {
  it('is taken once per change the mirror records, and once for requests that ask together', async () => {
    const { summary, taken } = counting();
    const now = stack.deps.now();
    expect(await Promise.all([summary(stack.db, now), summary(stack.db, now)])).toEqual([1, 1]);
    expect(await summary(stack.db, now)).toBe(1);
    await recordChange();
    expect(await summary(stack.db, now)).toBe(2);
    expect(taken()).toBe(2);
  });

  it('is taken again once a sync completes, even one that recorded no change (last-sync times move without one)', async () => {
    const { summary } = counting();
    const now = stack.deps.now();
    expect(await summary(stack.db, now)).toBe(1);
    await setRun('completed');
    forgetRefreshedAt(stack.db);
    expect(await summary(stack.db, now)).toBe(2);
  });

  it('is taken again as soon as a sync completes in this process, before any request asks for it', async () => {
    const { summary, taken } = counting();
    const now = stack.deps.now();
    await summary(stack.db, now);
    const runs = runQueries(stack.db);
    const run = await runs.startRun({ trigger: 'manual', holder: 'test', pageSize: 10, startedAt: new Date() });
    await runs.finishRun(run.id, 'test', { status: 'completed', finishedAt: new Date() });
    await expect.poll(taken).toBe(2);
    expect(await summary(stack.db, now)).toBe(2);
    expect(taken()).toBe(2);
  });

  it('after a minute with no change, answers with the last summary while the next is taken', async () => {
    const { summary, taken } = counting();
    const now = stack.deps.now();
    await summary(stack.db, now);
    expect(await summary(stack.db, now + 61_000)).toBe(1);
    await expect.poll(() => summary(stack.db, now + 61_000)).toBe(2);
    expect(taken()).toBe(2);
  });

  it('while a sync writes, answers with the last summary and takes the next in the background every 30 s at most; never one older than the last completed pass', async () => {
    const { summary, taken, holdWith } = counting();
    const now = stack.deps.now();
    await summary(stack.db, now);
    await setRun('running');
    await recordChange();
    expect(await summary(stack.db, now)).toBe(1);
    expect(taken()).toBe(1);

    // Half a minute on: the next is taken in the background, one at a time.
    vi.spyOn(performance, 'now').mockReturnValue(performance.now() + 31_000);
    try {
      let release!: () => void;
      holdWith(new Promise((resolve) => (release = resolve)));
      expect(await summary(stack.db, now)).toBe(1);
      await recordChange();
      expect(await summary(stack.db, now)).toBe(1);
      expect(taken()).toBe(2);
      release();
      holdWith(undefined);
      await expect.poll(() => summary(stack.db, now)).toBe(2);
    } finally {
      vi.restoreAllMocks();
    }

    // The pass completes and the next sync starts.
    await setRun('completed');
    await setRun('running');
    forgetRefreshedAt(stack.db);
    await recordChange();
    expect(await summary(stack.db, now)).toBe(3);
  });
});
