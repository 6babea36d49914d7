import { CodatError, type Company } from '@console/codat-client';
import { diffDeletedCompanies, diffObservation } from './diff.js';
import { observePage } from './observe-page.js';
import type { SyncRun } from './store.js';
import type { SyncContext } from './sync.js';

/** Companies looked at per statement (a few milliseconds each, even on embedded PGlite). */
const SCAN = 1000;
const CONCURRENT_CHECKS = 8;

/** Codat's answer for one company: the company, or undefined when it is gone (404). */
async function readCompany(ctx: SyncContext, id: string): Promise<Company | undefined> {
  try {
    return await ctx.codat.companies.get(id);
  } catch (error) {
    if (error instanceof CodatError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Companies the pass did not see. Offset paging can skip a company when others are deleted
 * mid-pass, so absence alone proves nothing: each one is read, and only a 404 marks it deleted
 * (with its connections). At most `maxVerifications` per run; the rest wait for the next run.
 * Returns how many were marked deleted and how many changes that wrote.
 */
export async function reconcileMissing(ctx: SyncContext, run: SyncRun): Promise<{ deleted: number; changes: number }> {
  let after: string | undefined;
  let checked = 0;
  const result = { deleted: 0, changes: 0 };
  for (;;) {
    // Requests in flight finish first, rather than wait behind each window in turn.
    await ctx.yieldToRequests?.();
    const { unseen: ids, last } = await ctx.store.companiesNotSeen(run.id, after, SCAN);
    if (last === undefined) return result;
    after = last;
    const found: Company[] = [];
    const gone: string[] = [];
    for (let i = 0; i < ids.length; i += CONCURRENT_CHECKS) {
      if (checked >= ctx.settings.maxVerifications) {
        ctx.logger.warn({ runId: run.id, checked }, 'mirror sync: verification limit reached; the next run checks the rest');
        break;
      }
      const chunk = ids.slice(i, i + CONCURRENT_CHECKS);
      checked += chunk.length;
      const answers = await Promise.all(chunk.map((id) => readCompany(ctx, id)));
      answers.forEach((company, j) => (company ? found.push(company) : gone.push(chunk[j]!)));
    }
    const at = new Date(ctx.now());
    if (found.length > 0) {
      const observation = await observePage(ctx, found, at);
      const state = await ctx.store.loadState(observation.companies.map((company) => company.id));
      const write = diffObservation(state, observation, { baseline: false });
      await ctx.store.applyWrite(write, 'sync', at);
      result.changes += write.changes.length;
    }
    if (gone.length > 0) {
      const write = diffDeletedCompanies(await ctx.store.loadState(gone), gone, at);
      await ctx.store.applyWrite(write, 'sync', at);
      result.deleted += write.deletedCompanyIds.length;
      result.changes += write.changes.length;
    }
    if (checked >= ctx.settings.maxVerifications) return result;
  }
}
