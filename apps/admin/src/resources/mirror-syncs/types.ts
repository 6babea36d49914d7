/** GET /api/mirror-syncs (apps/bff/src/resources/mirror-syncs/schemas.ts). */
export interface MirrorSyncRecord {
  id: number;
  trigger: string;
  status: 'running' | 'interrupted' | 'completed' | 'abandoned' | string;
  holder: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  pageSize: number;
  pages: number;
  lastPage: number;
  totalResults: number | null;
  companies: number;
  connections: number;
  changes: number;
  deletedCompanies: number;
  resumedCount: number;
  errors: string[];
  /** On embedded PGlite: the longest the run held the database, requests waiting meanwhile (ms); null on PostgreSQL. */
  longestHoldMs: number | null;
}
