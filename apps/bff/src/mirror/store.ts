import type { MirrorWrite, StoredState } from './model.js';

export const SYNC_TRIGGERS = ['schedule', 'manual'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

/**
 * - `running`: a replica is paging (or died while paging: its lease then expires).
 * - `interrupted`: stopped by an error, the quota or a shutdown; the next run resumes it.
 * - `completed`: every page, reconciliation, snapshot and pruning done.
 * - `abandoned`: too old to resume; a fresh run started instead.
 */
export const SYNC_RUN_STATUSES = ['running', 'interrupted', 'completed', 'abandoned'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export interface SyncRun {
  id: number;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  /** The replica that ran it last. */
  holder: string;
  startedAt: Date;
  finishedAt: Date | null;
  pageSize: number;
  /** The last page written; a resumed run continues after it. */
  lastPage: number;
  totalResults: number | null;
  pages: number;
  companies: number;
  connections: number;
  changes: number;
  deletedCompanies: number;
  resumedCount: number;
  errors: string[];
  /** On embedded PGlite: the longest one of its statements or transactions held the database, requests waiting meanwhile (ms); null elsewhere. */
  longestHoldMs: number | null;
  durationMs: number | null;
}

/** What one slice of a page adds to its run. */
export interface PageProgress {
  page: number;
  /** The page's last slice: the run's last written page becomes `page`. */
  pageDone: boolean;
  totalResults: number;
  companies: number;
  connections: number;
}

export interface PageWrite {
  progress: PageProgress;
  seenCompanyIds: readonly string[];
  digests: ReadonlyMap<string, string>;
  write: MirrorWrite;
}

export interface LeaseClaim {
  holder: string;
  now: Date;
  ttlMs: number;
}

export interface RunOutcome {
  status: Exclude<SyncRunStatus, 'running'>;
  finishedAt: Date;
  error?: string;
  deletedCompanies?: number;
  /** Changes written outside pages (reconciliation), added to the run's count. */
  changes?: number;
  /** The longest the run held the database meanwhile (see longestBackgroundHold); the run keeps its longest. */
  longestHoldMs?: number;
}

/** Thrown by `applyPage` when another replica has taken the lease: nothing of the page is written. */
export class LeaseLostError extends Error {
  constructor(holder: string) {
    super(`The mirror lease is no longer held by ${holder}.`);
  }
}

/** Where the mirror lives (PostgreSQL or PGlite); the sync and the webhooks only speak to this. */
export interface MirrorStore {
  /** Takes or extends the single sync lease; false while another holder's lease is unexpired. */
  acquireLease(claim: LeaseClaim): Promise<boolean>;
  releaseLease(holder: string): Promise<void>;

  /** The newest run that is not finished and started at or after `since`. */
  unfinishedRun(since: Date): Promise<SyncRun | undefined>;
  /** Marks unfinished runs started before `before` abandoned. */
  abandonRuns(before: Date, at: Date): Promise<void>;
  startRun(input: { trigger: SyncTrigger; holder: string; pageSize: number; startedAt: Date }): Promise<SyncRun>;
  resumeRun(runId: number, holder: string): Promise<SyncRun>;
  /** Ends the run unless another replica has taken it over since (then it is returned unchanged). */
  finishRun(runId: number, holder: string, outcome: RunOutcome): Promise<SyncRun>;
  lastCompletedRun(): Promise<SyncRun | undefined>;
  /**
   * The longest the mirror's background work held the database since the last call (ms), where
   * requests wait for it (embedded PGlite; see db/background-holds.ts); undefined elsewhere.
   */
  longestBackgroundHold(): Promise<number | undefined>;

  /** What the mirror holds for these companies (and connections, by id). */
  loadState(companyIds: readonly string[], connectionIds?: readonly string[]): Promise<StoredState>;
  /** The digest each company had on the sync page that last listed it (see digest.ts); null once changed otherwise. */
  syncDigests(companyIds: readonly string[]): Promise<Map<string, string | null>>;
  /**
   * Writes one slice of a page atomically: the changes, the digests of the companies that
   * changed, the companies seen by the run, and the run's progress — only while `lease.holder`
   * still holds the lease and the run (else LeaseLostError). A run resumed mid-page reads that
   * page again; its written slices then have nothing to write.
   */
  applyPage(run: { runId: number; lease: LeaseClaim }, page: PageWrite): Promise<void>;
  /** Writes an observation outside paging (webhooks, reconciliation); clears the digests it touches. */
  applyWrite(write: MirrorWrite, source: 'sync' | 'webhook', seenAt: Date): Promise<void>;
  /**
   * Of the next `scan` companies not deleted, in id order after `after`, those `runId` did not see,
   * and the last id looked at (undefined past the end). A bounded scan per call: one statement
   * never reads the whole fleet.
   */
  companiesNotSeen(runId: number, after: string | undefined, scan: number): Promise<{ unseen: string[]; last: string | undefined }>;

  /** Before a first load: secondary indexes dropped, to be rebuilt by finishPass. */
  deferIndexes(): Promise<number>;
  /** Once a first load has written its first page: statistics of the tables it fills (see analyzeLoadStart). */
  analyzeLoadStart(): Promise<void>;

  /**
   * After a completed pass: the indexes deferred for a first load rebuilt (and those tables
   * analyzed); the day's snapshot, taken by the day's first pass and replaced by each later one
   * that day, and the month's report computed from it; with the day's first snapshot the daily
   * chores (history older than `pruneBefore` removed, the mirror's tables vacuumed and analyzed);
   * the possible duplicates found again; the months before the first real snapshot reconstructed
   * when missing; the search index built when missing. `requestsFirst` is awaited between these
   * steps (and between the months): on embedded PGlite each holds the one database session for
   * seconds on a large fleet, and requests that got in meanwhile go before the next.
   */
  finishPass(input: { day: string; runId: number; at: Date; pruneBefore: Date; firstLoad: boolean; requestsFirst?: () => Promise<void> }): Promise<PassChores>;
}

/**
 * What a completed sync did to its day's snapshot: took it, replaced it, or found nothing that a
 * snapshot counts changed since the day's earlier one (which then stands for this sync too).
 */
export type SnapshotOutcome = 'taken' | 'replaced' | 'unchanged';

export interface PassChores {
  snapshot: SnapshotOutcome;
  /** Months before the first real snapshot filled in from Codat's records (mirror/db/backfill.ts). */
  reconstructedMonths: number;
  /** Rows removed per table, when the day's chores ran. */
  pruned?: Record<string, number>;
  indexesRebuilt: number;
  /** Possible-duplicate groups found (reports/duplicates.ts); not looked for again when nothing they read changed (see DailySnapshot). */
  duplicateGroups?: number;
  searchIndexBuilt: boolean;
}
