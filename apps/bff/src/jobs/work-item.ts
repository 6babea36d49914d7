import { CodatError, type CodatClient } from '@console/codat-client';
import type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import type { Job, JobItem } from './model.js';
import { lookUp, planRefresh, queueRemaining, remainingPairs, type CallOutcome, type RefreshProgress } from './refresh-company.js';
import { moveItem, type Lease } from './store.js';

export interface ItemContext {
  db: Db;
  codat: CodatClient;
  audit: AuditLog;
  lease: () => Pick<Lease, 'holder' | 'now'>;
  sleep: (ms: number) => Promise<void>;
}

/** Raised when the lease is gone: the item is left as it is for the job's next holder. */
export class LeaseLost extends Error {}

const auditAction = (job: Job) => (job.params.dataTypes === 'all' ? 'data.refresh-all' : 'data.refresh');

function target(item: JobItem) {
  return { companyId: item.companyId, companyName: item.companyName ?? undefined };
}

function details(job: Job, progress?: RefreshProgress) {
  return {
    jobId: job.id,
    connectionIds: progress?.pairs.length ? [...new Set(progress.pairs.map((pair) => pair.connectionId))] : undefined,
    dataTypes: job.params.dataTypes,
    pullOperationIds: progress?.queued.map((queued) => queued.pullOperationId),
    alreadyRunning: progress?.alreadyRunning.length ? progress.alreadyRunning : undefined,
  };
}

/**
 * Works one item of a refresh job to its end, or to `attempted` when Codat's answer is unknown.
 * Every write checks the lease; the attempt and its audit entry are written before Codat is called.
 */
export async function workItem(ctx: ItemContext, job: Job, item: JobItem): Promise<void> {
  const record = (entry: AuditEntry, db: Db = ctx.db) =>
    ctx.audit.append({ ...entry, target: target(item) }, job.createdBy, { requestId: `job-${job.id}` }, db);
  const move = async (from: JobItem['status'], to: Parameters<typeof moveItem>[4], db: Db = ctx.db) => {
    if (!(await moveItem(db, item, ctx.lease(), from, to))) throw new LeaseLost();
  };
  /** Ends a pending item without a change in Codat: skipped (refused) or Codat said no to a read. */
  const close = async (status: 'skipped' | 'failed', reason: string, progress?: RefreshProgress, codatCorrelationId?: string) => {
    await ctx.db.transaction(async (tx) => {
      await move('pending', { status, reason, finishedAt: ctx.lease().now, result: progress as never }, tx);
      const outcome = status === 'skipped' ? 'refused' : 'failed';
      await record({ action: auditAction(job), outcome, reason: `${status}: ${reason}`, codatCorrelationId, details: details(job, progress) }, tx);
    });
  };

  let progress: RefreshProgress;
  let attemptId = item.auditAttemptId ?? undefined;
  if (item.status === 'pending') {
    if (item.connectionIds.length === 0) return close('skipped', 'no Linked connection');
    try {
      progress = await planRefresh(ctx.codat, item, job.params.dataTypes);
    } catch (error) {
      if (!(error instanceof CodatError && error.kind === 'http')) throw error;
      return close('failed', `Codat ${error.status}: ${error.codatError ?? error.message}`, undefined, error.correlationId);
    }
    if (!progress.all && progress.pairs.length === 0) return close('skipped', `Codat is already reading ${progress.alreadyRunning.join(', ')}`, progress);
    progress = { ...progress, since: ctx.lease().now.toISOString() };
    await ctx.db.transaction(async (tx) => {
      attemptId = await record({ action: auditAction(job), outcome: 'attempt', details: details(job, progress) }, tx);
      await move('pending', { status: 'attempted', attemptedAt: ctx.lease().now, auditAttemptId: attemptId, result: progress as never }, tx);
    });
  } else {
    // Left attempted by a crash or an unanswered call: what Codat holds says what happened.
    progress = await lookUp(ctx.codat, item.companyId, item.result as unknown as RefreshProgress);
    await move('attempted', { attemptedAt: ctx.lease().now, result: progress as never });
  }

  const save = (next: RefreshProgress) => move('attempted', { result: next as never });
  const outcome = await queueRemaining(ctx.codat, item.companyId, progress, save, ctx.sleep);
  await finish(ctx, job, outcome, attemptId, record, move);
}

async function finish(
  ctx: ItemContext,
  job: Job,
  outcome: CallOutcome,
  attemptId: number | undefined,
  record: (entry: AuditEntry, db?: Db) => Promise<number | undefined>,
  move: (from: JobItem['status'], to: Parameters<typeof moveItem>[4], db?: Db) => Promise<void>,
): Promise<void> {
  const { progress } = outcome;
  if (outcome.kind === 'unknown') {
    await move('attempted', { reason: `Codat did not answer (${outcome.reason}); to be checked in Codat`, result: progress as never });
    return;
  }
  const nothingQueued = !progress.all && progress.queued.length === 0 && remainingPairs(progress).length === 0;
  const status = outcome.kind === 'failed' ? 'failed' : nothingQueued ? 'skipped' : 'done';
  const reason =
    outcome.kind === 'failed' ? outcome.reason : nothingQueued ? `Codat is already reading ${progress.alreadyRunning.join(', ')}` : null;
  await ctx.db.transaction(async (tx) => {
    await move('attempted', { status, reason, finishedAt: ctx.lease().now, result: progress as never }, tx);
    await record(
      {
        action: auditAction(job),
        outcome: status === 'failed' ? 'failed' : status === 'skipped' ? 'refused' : 'ok',
        attemptId,
        reason: reason ?? undefined,
        codatCorrelationId: outcome.kind === 'failed' ? outcome.codatCorrelationId : undefined,
        details: details(job, progress),
      },
      tx,
    );
  });
}
