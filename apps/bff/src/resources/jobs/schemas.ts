import { DATA_TYPES } from '@console/codat-client';
import { z } from 'zod';
import { uuid } from '../../http/params.js';
import { ITEM_STATUSES, JOB_STATUSES } from '../../jobs/model.js';
import { bulkCompanyFilterSchema, MAX_FILTERED_COMPANIES } from '../companies/filter-matches.js';
import { errorGroupIdSchema } from '../connection-error-groups/schemas.js';
import { dataTypeSchema } from '../pull-operations/schemas.js';

/** The most companies one job may name or a filter may match; an error group's are read from the mirror, unbounded. */
export const MAX_JOB_COMPANIES = MAX_FILTERED_COMPANIES;

export const createJobSchema = z
  .strictObject({
    kind: z.literal('refresh'),
    dataTypes: z.union([z.literal('all'), z.array(dataTypeSchema).min(1).max(50)], {
      error: `dataTypes is "all" or a list of 1 to 50 Codat data types (${DATA_TYPES.slice(0, 3).join(', ')}, …).`,
    }),
    errorGroupId: errorGroupIdSchema.optional(),
    companyIds: z.array(uuid).min(1).max(MAX_JOB_COMPANIES).optional(),
    /** The companies list's filter: every company it matches in the mirror, at most MAX_JOB_COMPANIES. */
    companyFilter: bulkCompanyFilterSchema.optional(),
  })
  .refine((body) => [body.errorGroupId, body.companyIds, body.companyFilter].filter((named) => named !== undefined).length === 1, {
    message: 'Name one of errorGroupId (every company the group affects), companyIds, or companyFilter (every company the list filter matches).',
  });
export type CreateJobInput = z.infer<typeof createJobSchema>;

const countsSchema = z.object(Object.fromEntries([...ITEM_STATUSES, 'total'].map((status) => [status, z.number().int()])) as Record<string, z.ZodNumber>);

export const jobRecordSchema = z.object({
  id: z.number().int(),
  kind: z.literal('refresh'),
  status: z.enum(JOB_STATUSES),
  dataTypes: z.union([z.literal('all'), z.array(z.string())]),
  selection: z.union([
    z.object({ errorGroupId: z.string() }),
    z.object({ companyIds: z.array(z.string()) }),
    z.object({ companyFilter: z.object({ q: z.string().optional(), status: z.string().optional(), platform: z.string().optional() }), matched: z.number().optional() }),
  ]),
  createdAt: z.string(),
  createdByEmail: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  counts: countsSchema,
  /** Items ended (done, skipped or failed) over all items, 0–1. */
  progress: z.number(),
});
export type JobRecord = z.infer<typeof jobRecordSchema>;

export const jobItemRecordSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  companyId: z.string(),
  companyName: z.string().nullable(),
  connectionIds: z.array(z.string()),
  status: z.enum(ITEM_STATUSES),
  reason: z.string().nullable(),
  pullOperationIds: z.array(z.string()),
  alreadyRunning: z.array(z.string()),
  finishedAt: z.string().nullable(),
});
export type JobItemRecord = z.infer<typeof jobItemRecordSchema>;

export const jobItemFilterSchema = z.strictObject({ status: z.enum(ITEM_STATUSES).optional() });
export const jobFilterSchema = z.strictObject({});
