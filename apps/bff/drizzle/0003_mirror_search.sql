-- Company search in the mirror matches substrings of mirror_companies.search_text. Where the
-- pg_trgm extension is available (PostgreSQL's contrib; PGlite when the console loads it) a
-- trigram index makes that fast; the sync builds it after its first load (mirror/db/maintenance.ts),
-- which is quicker than maintaining it row by row during that load. Without the extension the
-- migration still succeeds and search scans the table.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): mirror search will scan', SQLERRM;
END
$$;
