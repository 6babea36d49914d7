import { CodatError, type CodatClient, type Company, type Page } from '@console/codat-client';
import type { Logger } from '../observability/logger.js';
import type { MirrorSettings } from './settings.js';

/** Codat's daily quota is nearly used up: the run stops and a later one resumes it. */
export class QuotaLowError extends Error {
  constructor(remaining: number, limit: number) {
    super(`Codat's daily quota is nearly used up (${remaining} of ${limit} requests left); the sync resumes later.`);
  }
}

export interface PagingContext {
  codat: CodatClient;
  logger: Logger;
  settings: MirrorSettings;
  sleep: (ms: number) => Promise<void>;
  /** Called before each wait, so a long wait does not cost the lease. */
  keepAlive: () => Promise<void>;
}

function isTransient(error: unknown): error is CodatError {
  if (!(error instanceof CodatError)) return false;
  return error.kind === 'timeout' || error.kind === 'network' || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * One page of companies (connections embedded), ordered by creation so new companies land on
 * later pages. The client already retries with backoff and `Retry-After`; when it gives up on a
 * transient failure the page is tried again here, after Codat's `Retry-After` when it sent one.
 */
export async function fetchCompanyPage(ctx: PagingContext, page: number, pageSize: number): Promise<Page<Company>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ctx.codat.companies.list({ page, pageSize, orderBy: 'created' });
    } catch (error) {
      if (!isTransient(error) || attempt >= ctx.settings.pageAttempts) throw error;
      const waitMs = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : Math.min(30_000, 1000 * 2 ** attempt);
      ctx.logger.warn({ page, attempt, status: error.status, waitMs }, 'mirror sync: Codat page failed, trying again');
      await ctx.keepAlive();
      await ctx.sleep(waitMs);
    }
  }
}

/**
 * Spends Codat's daily quota gently: pauses between pages once little is left, and stops the run
 * before the console's interactive use would run out.
 */
export async function respectQuota(ctx: PagingContext): Promise<void> {
  const quota = ctx.codat.rateLimit;
  if (quota?.remaining === undefined || !quota.limit) return;
  const share = quota.remaining / quota.limit;
  if (share <= ctx.settings.quotaReserveRatio) throw new QuotaLowError(quota.remaining, quota.limit);
  if (share < ctx.settings.quotaSlowRatio) {
    ctx.logger.info({ remaining: quota.remaining, limit: quota.limit }, 'mirror sync: Codat quota low, slowing down');
    await ctx.keepAlive();
    await ctx.sleep(ctx.settings.quotaPauseMs);
  }
}

/** True once the pages up to `page` cover everything Codat reported. */
export function isLastPage(page: number, result: Page<Company>): boolean {
  return result.results.length === 0 || (page - 1) * result.pageSize + result.results.length >= result.totalResults;
}
