import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';
import { inBackground } from './lanes.js';
import { prepareDatabase } from './migrate.js';
import { staffUsers } from './schema/index.js';
import { rows } from '../mirror/db/sql.js';

describe('embedded PGlite in a worker thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-pglite-thread-'));
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ dataDir, thread: 'worker' });
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

  it('runs a request statement after the background statement running, before the background statements queued ahead of it', async () => {
    const finished: string[] = [];
    const slow = (name: string) => inBackground(() => rows(database.db, sql`select count(*) from generate_series(1, 2000000)`)).then(() => finished.push(name));
    const background = [slow('background 1'), slow('background 2'), slow('background 3')];
    // Sent while the first runs: the worker reads it only once that statement lets go of its thread.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const request = rows(database.db, sql`select 1`).then(() => finished.push('request'));
    await Promise.all([...background, request]);
    expect(finished).toEqual(['background 1', 'request', 'background 2', 'background 3']);
  });
});
