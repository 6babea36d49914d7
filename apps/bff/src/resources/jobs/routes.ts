import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/index.js';
import { currentStaff } from '../../auth/context.js';
import type { Db } from '../../db/database.js';
import type { BffDeps } from '../../deps.js';
import { conflict, notFound } from '../../http/api-error.js';
import { listQueryDoc } from '../../http/params.js';
import { readJsonBody, readParam } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import type { JobSelection, JobStatus } from '../../jobs/model.js';
import { jobRunner } from '../../jobs/runtime.js';
import { insertJob, itemCounts, selectItems, selectJob, selectJobs, setJobStatus } from '../../jobs/store.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { createJobSchema, jobFilterSchema, jobItemFilterSchema, jobItemRecordSchema, jobRecordSchema, type CreateJobInput } from './schemas.js';
import { selectJobItems } from './selection.js';
import { toJobItemRecord, toJobRecord } from './to-record.js';

const jobId = z.coerce.number().int().positive();

async function jobRecord(db: Db, id: number) {
  const job = await selectJob(db, id);
  if (!job) throw notFound(`No job ${id}.`);
  return toJobRecord(job, (await itemCounts(db, [id])).get(id)!);
}

/**
 * Bulk jobs: a refresh queued for every company of an error group or of a list, worked on the
 * server (src/jobs) by one replica at a time, resumable, audited as the job plus one entry per company.
 */
export function jobsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const { db } = deps;

  app.get('/', async (c) => {
    const { start, end } = parseListQuery(c, jobFilterSchema, [] as const);
    const page = await selectJobs(db, start, end - start + 1);
    const counts = await itemCounts(db, page.jobs.map((job) => job.id));
    return listResponse(c, 'jobs', start, page.jobs.map((job) => toJobRecord(job, counts.get(job.id)!)), page.total);
  });

  app.get('/:id', async (c) => c.json(await jobRecord(db, readParam(c, 'id', jobId, 'job id'))));

  app.get('/:id/items', async (c) => {
    const id = readParam(c, 'id', jobId, 'job id');
    const { filter, start, end } = parseListQuery(c, jobItemFilterSchema, [] as const);
    const job = await jobRecord(db, id);
    const items = await selectItems(db, id, start, end - start + 1, filter.status);
    const total = (filter.status ? job.counts[filter.status] : job.counts.total) ?? 0;
    return listResponse(c, 'job-items', start, items.map(toJobItemRecord), total);
  });

  app.post('/', async (c) => {
    const input: CreateJobInput = await readJsonBody(c, createJobSchema);
    const staff = currentStaff(c);
    const asked: JobSelection = input.errorGroupId
      ? { errorGroupId: input.errorGroupId }
      : input.companyFilter
        ? { companyFilter: input.companyFilter }
        : { companyIds: input.companyIds! };
    const items = await selectJobItems(db, asked);
    // A filter's companies change with the fleet: the job keeps the filter and how many it matched.
    const selection = 'companyFilter' in asked ? { ...asked, matched: items.length } : asked;
    const params = { dataTypes: input.dataTypes, selection };
    const job = await db.transaction(async (tx) => {
      const created = await insertJob(tx as unknown as Db, {
        kind: input.kind,
        params,
        createdAt: new Date(deps.now()),
        createdBy: { id: staff.id, email: staff.email, role: staff.role },
        items,
      });
      await audit(c).record(
        { action: 'job.create', outcome: 'ok', details: { jobId: created.id, kind: input.kind, ...params, companies: items.length } },
        { db: tx as unknown as Db },
      );
      return created;
    });
    jobRunner(deps).kick();
    return c.json(await jobRecord(db, job.id), 201);
  });

  const transition = (action: 'cancel' | 'resume', from: JobStatus[], to: JobStatus) =>
    app.post(`/:id/${action}`, async (c) => {
      const id = readParam(c, 'id', jobId, 'job id');
      const moved = await setJobStatus(db, id, from, to);
      if (!moved) {
        const job = await jobRecord(db, id);
        throw conflict(`Job ${id} is ${job.status}; only a ${from.join(' or ')} job can be ${action === 'cancel' ? 'cancelled' : 'resumed'}.`, { status: job.status });
      }
      await audit(c).record({ action: `job.${action}`, outcome: 'ok', details: { jobId: id } });
      if (to === 'queued') jobRunner(deps).kick();
      return c.json(await jobRecord(db, id));
    });
  transition('cancel', ['queued', 'running'], 'cancelled');
  transition('resume', ['cancelled'], 'queued');

  docs.add(
    { method: 'get', path: '/jobs', tag: 'jobs', list: true, summary: 'Bulk jobs, newest first, with item counts and progress.', query: listQueryDoc('{}'), response: z.array(jobRecordSchema) },
    { method: 'get', path: '/jobs/{id}', tag: 'jobs', summary: 'One job with its item counts and progress (0–1).', response: jobRecordSchema },
    {
      method: 'get',
      path: '/jobs/{id}/items',
      tag: 'jobs',
      list: true,
      summary: 'Per-company results: done (pull operations queued), skipped and why, failed and why; pending or attempted while open.',
      query: listQueryDoc('{ status? }'),
      response: z.array(jobItemRecordSchema),
    },
    {
      method: 'post',
      path: '/jobs',
      tag: 'jobs',
      status: 201,
      summary:
        'Queues a refresh (all data, or the named data types) of every Linked affected connection of an error group, of the named companies (at most 5,000), ' +
        "or of every company the companies list's filter matches in the mirror (companyFilter: { q?, status?, platform? }, at least one; only the platform's connections when it names one; " +
        'more than 5,000 matches are refused with 400, the filter is kept on the job). ' +
        'Types Codat is already reading are skipped; each company is refreshed exactly once, across restarts and replicas. The job and its items are written in one transaction.',
      body: createJobSchema,
      response: jobRecordSchema,
    },
    { method: 'post', path: '/jobs/{id}/cancel', tag: 'jobs', summary: 'Stops a queued or running job after the companies in flight; 409 otherwise.', response: jobRecordSchema },
    { method: 'post', path: '/jobs/{id}/resume', tag: 'jobs', summary: 'Queues a cancelled job again; it continues with the companies not yet done.', response: jobRecordSchema },
  );
  return app;
}
