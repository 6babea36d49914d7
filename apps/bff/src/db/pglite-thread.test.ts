import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { takeLongestBackgroundHold } from './background-holds.js';
import { openDatabase, type Database } from './database.js';
import { inBackground } from './lanes.js';
import { prepareDatabase } from './migrate.js';
import { staffUsers } from './schema/index.js';
import { rows } from '../mirror/db/sql.js';

/** Longer than the product's, so a loaded machine's event loop stays within it. */
const GRACE_MS = 50;

describe('embedded PGlite in a worker thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-pglite-thread-'));
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ dataDir, thread: 'worker', requestGraceMs: GRACE_MS });
    await prepareDatabase(database, async () => undefined);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers queries with the types drizzle expects: dates through the schema, json parsed, numbers as numbers', async () => {
    const createdAt = new Date('2026-01-02T03:04:05.678Z');
    await database.db.insert(staffUsers).values({ id: crypto.randomUUID(), email: 'typed@console.local', name: 'Typed', role: 'admin', createdAt, updatedAt: createdAt });
    const [user] = await database.db.select().from(staffUsers).where(sql`email = 'typed@console.local'`);
    expect(user!.createdAt).toEqual(createdAt);
    const [raw] = await rows<{ n: number; j: { a: number[] }; t: string }>(database.db, sql`select 41 + 1 as n, '{"a":[1,2]}'::jsonb as j, now()::timestamptz as t`);
    expect(raw).toMatchObject({ n: 42, j: { a: [1, 2] } });
    expect(typeof raw!.t).toBe('string');
  });

  it('commits a transaction whole, rolls one back whole when it throws, and carries the database error code back', async () => {
    await database.db.execute(sql`create table thread_probe (id int primary key)`);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_probe values (1)`);
      await tx.execute(sql`insert into thread_probe values (2)`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into thread_probe values (3)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const failed = await database.db.execute(sql`insert into thread_probe values (1)`).catch((error: unknown) => error as { cause?: { code?: string } });
    expect(failed).toMatchObject({ cause: { code: '23505' } });
    expect(await rows<{ id: number }>(database.db, sql`select id from thread_probe order by id`)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('makes a statement sent during a transaction wait for its end, then see what it committed', async () => {
    await database.db.execute(sql`create table thread_order (step text)`);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_order values ('in transaction')`);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = rows<{ count: number }>(database.db, sql`select count(*)::int as count from thread_order`);
    release();
    await transaction;
    expect(await outside).toEqual([{ count: 1 }]);
  });

  describe('lanes', () => {
    const finished: string[] = [];
    const note = (name: string) => () => void finished.push(name);
    const slowInBackground = (name: string) => inBackground(() => rows(database.db, sql`select count(*) from generate_series(1, 2000000)`)).then(note(name));
    const quick = () => rows(database.db, sql`select count(*) from generate_series(1, 200000)`);

    beforeEach(async () => {
      finished.length = 0;
      await sleep(GRACE_MS * 2);
    });

    it('runs a request statement after the background statement running, before the background statements queued ahead of it', async () => {
      const background = [slowInBackground('background 1'), slowInBackground('background 2'), slowInBackground('background 3')];
      // Sent while the first runs: the worker reads it only once that statement lets go of its thread.
      await sleep(20);
      const request = quick().then(note('request'));
      await Promise.all([...background, request]);
      expect(finished).toEqual(['background 1', 'request', 'background 2', 'background 3']);
    });

    it('keeps the database for a request between its statements, for the grace', async () => {
      const request = (async () => {
        await quick().then(note('request 1'));
        await quick().then(note('request 2'));
      })();
      const background = [slowInBackground('background 1'), slowInBackground('background 2')];
      await Promise.all([request, ...background]);
      expect(finished).toEqual(['request 1', 'request 2', 'background 1', 'background 2']);
    });

    // It asserts an order, not a time: on a loaded machine 60 statements can outlast vitest's 5 s.
    it('lets a background statement go once it has waited long enough, however busy the request lane', async () => {
      const requests = Array.from({ length: 60 }, () => quick());
      const background = inBackground(() => quick()).then(note('background'));
      await Promise.all(requests.map((request, i) => request.then(note(`request ${i}`))).concat(background));
      expect(finished.indexOf('background')).toBeLessThan(finished.indexOf('request 59'));
    }, 30_000);

    it('measures how long the background lane held the database, a transaction whole, and counts from 0 once asked', async () => {
      await takeLongestBackgroundHold(database.db);
      // A request's statement, however long, is not the background's.
      await rows(database.db, sql`select pg_sleep(0.6)`);
      await inBackground(() => rows(database.db, sql`select pg_sleep(0.1)`));
      // The transaction holds the database while the main thread works between its statements too.
      await inBackground(() =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.1)`);
          await sleep(150);
          await tx.execute(sql`select pg_sleep(0.1)`);
        }),
      );
      const held = await takeLongestBackgroundHold(database.db);
      expect(held).toBeGreaterThanOrEqual(350);
      expect(held).toBeLessThan(600);
      expect(await takeLongestBackgroundHold(database.db)).toBe(0);
    });
  });
});
