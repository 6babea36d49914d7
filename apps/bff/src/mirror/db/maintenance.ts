import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { rows } from './sql.js';

/**
 * Builds the trigram index of company search once pg_trgm is there and the first load is done
 * (one bulk build beats maintaining it row by row during that load). Cheap when it exists.
 */
export async function ensureSearchIndex(db: Db): Promise<boolean> {
  const [state] = await rows<{ trgm: boolean; indexed: boolean }>(
    db,
    sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as trgm,
          exists (select 1 from pg_indexes where indexname = 'mirror_companies_search_trgm') as indexed`,
  );
  if (!state!.trgm || state!.indexed) return false;
  await db.execute(sql`create index if not exists mirror_companies_search_trgm on mirror_companies using gin (search_text gin_trgm_ops) where deleted_at is null`);
  return true;
}

/**
 * Fresh planner statistics after a bulk change (PGlite has no autovacuum to do it): the mirror's
 * tables after a first load, the snapshot's after each snapshot.
 */
export async function analyzeMirror(db: Db, tables: 'mirror' | 'snapshot'): Promise<void> {
  await db.execute(
    tables === 'mirror'
      ? sql`analyze mirror_companies, mirror_connections, mirror_connection_errors, mirror_changes`
      : sql`analyze mirror_connection_months, mirror_company_months, mirror_snapshot_counts`,
  );
}
