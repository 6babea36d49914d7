import { DEFAULT_BILLABLE_RULE, type BillableRule } from '../reports/billable-rule.js';

/** How the fleet mirror and its reports run; from the environment (see env.ts). */
export interface MirrorSettings {
  /** Between scheduled syncs; 0 turns the schedule off (run-now and webhooks still work). */
  intervalMs: number;
  /** History (changes, resolved errors, deleted records, runs, snapshots) older than this is pruned. */
  retentionMonths: number;
  /**
   * Companies per Codat page. Each page's JSON is parsed and validated in one go on the event loop
   * that answers requests (about 100 ms per 1,000 companies on a busy 2-CPU machine), so pages
   * stay well below Codat's 5,000; 100 pages for 100,000 companies is little of the daily quota.
   */
  pageSize: number;
  /**
   * Companies of a page diffed and written per transaction: small enough that a request waits
   * for one slice, not a page (the database is one connection on embedded PGlite). A first load's
   * slice of 250 held PGlite for 100–330 ms at 100,000 companies.
   */
  sliceCompanies: number;
  /** A replica's claim on the sync; renewed every page, so a dead replica's claim runs out. */
  leaseTtlMs: number;
  /** An interrupted run younger than this is resumed from its last page; older ones start over. */
  resumeWithinMs: number;
  /** Attempts per page when Codat answers 408/429/5xx or not at all (after the client's own retries). */
  pageAttempts: number;
  /** Stop (and resume later) when Codat's remaining daily quota falls to this share of the limit. */
  quotaReserveRatio: number;
  /** Below this share of the quota, pause `quotaPauseMs` between pages. */
  quotaSlowRatio: number;
  quotaPauseMs: number;
  /** Companies missing from a pass are checked one by one (404 = deleted); at most this many per run. */
  maxVerifications: number;
  /** Svix secret (`whsec_…`) of the Codat webhook endpoint; webhooks are refused without it. */
  webhookSecret?: string;
  /** Which connections finance's reports count as billable candidates (reports/billable-rule.ts). */
  billableRule: BillableRule;
}

export const MIRROR_DEFAULTS: MirrorSettings = {
  intervalMs: 15 * 60_000,
  retentionMonths: 13,
  pageSize: 1000,
  sliceCompanies: 100,
  leaseTtlMs: 5 * 60_000,
  resumeWithinMs: 24 * 60 * 60_000,
  pageAttempts: 6,
  quotaReserveRatio: 0.02,
  quotaSlowRatio: 0.1,
  quotaPauseMs: 2000,
  maxVerifications: 2000,
  billableRule: DEFAULT_BILLABLE_RULE,
};

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The UTC calendar day of `at`, `YYYY-MM-DD`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The instant `months` calendar months before `at`. */
export function monthsBefore(at: Date, months: number): Date {
  const before = new Date(at);
  before.setUTCMonth(before.getUTCMonth() - months);
  return before;
}
