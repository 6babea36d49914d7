// SCRATCH (until the shared test database helper lands): a migrated in-memory PGlite.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { readFileSync, readdirSync } from 'node:fs';
import { openDatabase } from '../db/database.js';

export async function scratchDb() {
  const pglite = new PGlite({ extensions: { pg_trgm } });
  const database = await openDatabase({ pglite });
  for (const file of readdirSync('/tmp/mirror-migr').filter((f) => f.endsWith('.sql')).sort()) {
    for (const statement of readFileSync(`/tmp/mirror-migr/${file}`, 'utf8').split('--> statement-breakpoint')) await pglite.exec(statement);
  }
  await pglite.exec(`create extension if not exists pg_trgm; create index if not exists mirror_companies_search_trgm on mirror_companies using gin (search_text gin_trgm_ops);`);
  return database;
}
