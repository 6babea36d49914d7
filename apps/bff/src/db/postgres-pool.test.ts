import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/databases.js';
import type { Db } from './database.js';
import { inBackground } from './lanes.js';
import { PoolWithLanes } from './postgres-pool.js';
import { rows } from '../mirror/db/sql.js';

/** Runs `pg_sleep` for `ms` and answers when it ran, by the server's clock, in ms. */
async function sleepOnServer(db: Db, ms: number): Promise<{ from: number; to: number }> {
  const [row] = await rows<{ from: string; to: string }>(
    db,
    sql`select extract(epoch from clock_timestamp()) * 1000 as "from", pg_sleep(${ms / 1000}), extract(epoch from clock_timestamp()) * 1000 as "to"`,
  );
  return { from: Number(row!.from), to: Number(row!.to) };
}

describe('PostgreSQL pool with lanes', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('runs background statements and transactions one at a time, and requests beside them without waiting', async () => {
    const { db } = database;
    const background = [
      inBackground(() => sleepOnServer(db, 150)),
      inBackground(() => db.transaction(async (tx) => sleepOnServer(tx as unknown as Db, 150))),
      inBackground(() => sleepOnServer(db, 150)),
    ];
    const requests = [sleepOnServer(db, 150), sleepOnServer(db, 150)];
    const ran = await Promise.all(background);
    const [first, second] = await Promise.all(requests);

    const inOrder = [...ran].sort((a, b) => a.from - b.from);
    for (let i = 1; i < inOrder.length; i += 1) expect(inOrder[i]!.from).toBeGreaterThanOrEqual(inOrder[i - 1]!.to);
    // The requests ran beside each other and beside the first background statement.
    expect(second!.from).toBeLessThan(first!.to);
    expect(Math.max(first!.to, second!.to)).toBeLessThan(inOrder[1]!.to);
  });

  it('frees the background lane when its connection is lost without being released', async () => {
    const pool = new PoolWithLanes({ connectionString: database.url });
    try {
      const held = await inBackground(() => pool.connect());
      held.on('error', () => undefined);
      const [{ pid }] = (await held.query<{ pid: number }>('select pg_backend_pid() as pid')).rows as [{ pid: number }];
      // Never released, as drizzle leaves a connection whose begin failed.
      await pool.query('select pg_terminate_backend($1)', [pid]);
      await expect(inBackground(() => pool.query('select 1 as one'))).resolves.toMatchObject({ rows: [{ one: 1 }] });
      held.release(true);
    } finally {
      await pool.end();
    }
  });

  it('frees the background lane when a statement fails', async () => {
    const { db } = database;
    await expect(inBackground(() => db.execute(sql`select 1 / 0`))).rejects.toThrow();
    await expect(inBackground(() => db.transaction(async (tx) => tx.execute(sql`select 1 / 0`)))).rejects.toThrow();
    const { from, to } = await inBackground(() => sleepOnServer(db, 10));
    expect(to).toBeGreaterThan(from);
  });
});
