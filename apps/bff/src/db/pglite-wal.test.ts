import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointIfWalGrew, openPglite } from './pglite.js';

const MB = 1024 * 1024;
let dataDir: string;
let client: PGlite;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-pglite-wal-'));
  client = await openPglite(dataDir);
  await client.exec('create table filler (id int primary key, pad text)');
});
afterAll(async () => {
  await client.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const segments = () => readdirSync(join(dataDir, 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name)).length;
/** About 37 MB of WAL: more than two 16 MB segments. */
const write = (from: number) => client.query(`insert into filler select g, repeat('x', 300) from generate_series(${from}, ${from + 99_999}) g`);

describe('PGlite write-ahead log', () => {
  it('is checkpointed once enough was written since the last checkpoint, so its segments are reused instead of piling up', async () => {
    await write(0);
    expect(await checkpointIfWalGrew(client, 8 * MB)).toBe(true);
    expect(await checkpointIfWalGrew(client, 8 * MB)).toBe(false);
    const afterFirst = segments();
    for (let round = 1; round <= 6; round += 1) {
      await write(round * 100_000);
      expect(await checkpointIfWalGrew(client, 8 * MB)).toBe(true);
    }
    // Without checkpoints, each round adds two or three new segments.
    expect(segments()).toBeLessThanOrEqual(afterFirst + 1);
  });
});
