import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jobItems, jobs } from '../db/schema/index.js';
import { array, rows } from '../mirror/db/sql.js';
import type { ItemCounts, ItemStatus, Job, JobItem, JobKind, JobStatus, NewJobItem, RefreshParams } from './model.js';
import { ITEM_STATUSES } from './model.js';

type JobRow = typeof jobs.$inferSelect;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status as JobStatus,
    params: row.params as unknown as RefreshParams,
    createdAt: row.createdAt,
    createdBy: { id: row.createdById ?? undefined, email: row.createdByEmail ?? undefined, role: (row.createdByRole ?? undefined) as Job['createdBy']['role'] },
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    holder: row.holder,
  };
}

const toItem = (row: typeof jobItems.$inferSelect): JobItem => ({ ...row, status: row.status as ItemStatus });

/** The job's lease is held by `holder` and has not expired: every write a runner makes checks it. */
const holds = (jobId: number, holder: string, now: Date): SQL =>
  sql`exists (select 1 from jobs where id = ${jobId} and holder = ${holder} and lease_expires_at > ${now.toISOString()}::timestamptz)`;

export interface Lease {
  holder: string;
  now: Date;
  ttlMs: number;
}

/** Writes a job and its items; run inside the transaction that also writes its audit entry. */
export async function insertJob(
  db: Db,
  input: { kind: JobKind; params: RefreshParams; createdAt: Date; createdBy: Job['createdBy']; items: NewJobItem[] },
): Promise<Job> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: input.kind,
      status: 'queued',
      params: input.params as unknown as Record<string, unknown>,
      createdAt: input.createdAt,
      createdById: input.createdBy.id,
      createdByEmail: input.createdBy.email,
      createdByRole: input.createdBy.role,
    })
    .returning();
  const job = toJob(row!);
  const { items } = input;
  if (items.length > 0) {
    await db.execute(sql`insert into job_items (job_id, seq, company_id, company_name, connection_ids, status)
      select ${job.id}, t.seq, t.company_id, t.company_name, t.connection_ids::jsonb, 'pending'
      from unnest(${array(items.map((_, i) => i + 1), 'bigint')}, ${array(items.map((item) => item.companyId), 'text')},
                  ${array(items.map((item) => item.companyName), 'text')}, ${array(items.map((item) => JSON.stringify(item.connectionIds)), 'text')})
        as t(seq, company_id, company_name, connection_ids)`);
  }
  return job;
}

/**
 * Takes the lease of the oldest open job that is free, expired or already ours. The lease
 * conditions are repeated outside the sub-select: PostgreSQL re-checks only those after waiting
 * on a row another replica is claiming.
 */
export async function claimJob(db: Db, { holder, now, ttlMs }: Lease): Promise<Job | undefined> {
  const at = now.toISOString();
  const free = sql`status in ('queued', 'running') and (holder is null or holder = ${holder} or lease_expires_at < ${at}::timestamptz)`;
  const [row] = await rows<{ id: number }>(
    db,
    sql`update jobs set holder = ${holder}, lease_expires_at = ${new Date(now.getTime() + ttlMs).toISOString()}::timestamptz,
          status = 'running', started_at = coalesce(started_at, ${at}::timestamptz)
        where id = (select id from jobs where ${free} order by id limit 1) and ${free}
        returning id`,
  );
  return row ? selectJob(db, Number(row.id)) : undefined;
}

/** Extends the lease; false when another replica has taken it or the job was cancelled. */
export async function renewLease(db: Db, jobId: number, { holder, now, ttlMs }: Lease): Promise<boolean> {
  const renewed = await db
    .update(jobs)
    .set({ leaseExpiresAt: new Date(now.getTime() + ttlMs) })
    .where(and(eq(jobs.id, jobId), eq(jobs.holder, holder), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return renewed.length === 1;
}

export async function releaseLease(db: Db, jobId: number, holder: string): Promise<void> {
  await db.update(jobs).set({ holder: null, leaseExpiresAt: null }).where(and(eq(jobs.id, jobId), eq(jobs.holder, holder)));
}

/** Frees every open job's lease (at the start of the only process a database has). */
export async function releaseAllLeases(db: Db): Promise<void> {
  await db.update(jobs).set({ holder: null, leaseExpiresAt: null }).where(inArray(jobs.status, ['queued', 'running']));
}

/** Marks the job completed once no item is open; answers whether it did. */
export async function completeJob(db: Db, jobId: number, holder: string, now: Date): Promise<boolean> {
  const done = await rows(
    db,
    sql`update jobs set status = 'completed', finished_at = ${now.toISOString()}::timestamptz, holder = null, lease_expires_at = null
        where id = ${jobId} and holder = ${holder} and status = 'running'
          and not exists (select 1 from job_items where job_id = ${jobId} and status in ('pending', 'attempted'))
        returning id`,
  );
  return done.length === 1;
}

export async function openItems(db: Db, jobId: number, limit: number): Promise<JobItem[]> {
  const found = await db
    .select()
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), inArray(jobItems.status, ['pending', 'attempted'])))
    .orderBy(asc(jobItems.seq))
    .limit(limit);
  return found.map(toItem);
}

/**
 * Moves an item from `from` to `to` while this runner holds the job's lease; false when it does
 * not (the lease was lost) or the item has moved on.
 */
export async function moveItem(
  db: Db,
  item: Pick<JobItem, 'jobId' | 'seq'>,
  lease: Pick<Lease, 'holder' | 'now'>,
  from: ItemStatus,
  to: Partial<Pick<JobItem, 'status' | 'reason' | 'attemptedAt' | 'auditAttemptId' | 'finishedAt' | 'result'>>,
): Promise<boolean> {
  const moved = await db
    .update(jobItems)
    .set(to)
    .where(and(eq(jobItems.jobId, item.jobId), eq(jobItems.seq, item.seq), eq(jobItems.status, from), holds(item.jobId, lease.holder, lease.now)))
    .returning({ seq: jobItems.seq });
  return moved.length === 1;
}

export async function selectJob(db: Db, id: number): Promise<Job | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row && toJob(row);
}

export async function selectJobs(db: Db, start: number, limit: number): Promise<{ jobs: Job[]; total: number }> {
  const [found, [count]] = await Promise.all([
    db.select().from(jobs).orderBy(desc(jobs.id)).offset(start).limit(limit),
    rows<{ total: number }>(db, sql`select count(*)::int as total from jobs`),
  ]);
  return { jobs: found.map(toJob), total: count!.total };
}

export async function itemCounts(db: Db, jobIds: readonly number[]): Promise<Map<number, ItemCounts>> {
  const found = await rows<{ jobId: number; status: ItemStatus; count: number }>(
    db,
    sql`select job_id::float8 as "jobId", status, count(*)::int as count from job_items
        where job_id = any(${array(jobIds, 'bigint')}) group by 1, 2`,
  );
  const counts = new Map<number, ItemCounts>();
  for (const id of jobIds) {
    const own = found.filter((row) => row.jobId === id);
    const byStatus = Object.fromEntries(ITEM_STATUSES.map((status) => [status, own.find((row) => row.status === status)?.count ?? 0]));
    counts.set(id, { ...(byStatus as Record<ItemStatus, number>), total: own.reduce((sum, row) => sum + row.count, 0) });
  }
  return counts;
}

export async function selectItems(db: Db, jobId: number, start: number, limit: number, status?: ItemStatus): Promise<JobItem[]> {
  const where = status ? and(eq(jobItems.jobId, jobId), eq(jobItems.status, status)) : eq(jobItems.jobId, jobId);
  return (await db.select().from(jobItems).where(where).orderBy(asc(jobItems.seq)).offset(start).limit(limit)).map(toItem);
}

/**
 * Cancel stops a queued or running job; its holder keeps the lease until the items it has in flight
 * are written. Resume queues it again.
 */
export async function setJobStatus(db: Db, id: number, from: readonly JobStatus[], to: JobStatus): Promise<Job | undefined> {
  const [row] = await db
    .update(jobs)
    .set({ status: to })
    .where(and(eq(jobs.id, id), inArray(jobs.status, [...from])))
    .returning();
  return row && toJob(row);
}
