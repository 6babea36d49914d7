import { DATA_TYPES, DATASET_STATUSES } from '@console/codat-client';
import { z } from 'zod';
import { uuid } from '../../http/params.js';

/** Codat's data type keys; anything else is refused with the list of valid ones. */
export const dataTypeSchema = z.enum(DATA_TYPES, {
  error: (issue) => `"${String(issue.input)}" is not a Codat data type. Valid data types: ${DATA_TYPES.join(', ')}.`,
});

export const datasetStatusSchema = z.enum(DATASET_STATUSES, {
  error: (issue) => `"${String(issue.input)}" is not a pull-operation status. Valid statuses: ${DATASET_STATUSES.join(', ')}.`,
});

export const pullOperationFilterSchema = z.strictObject({
  companyId: uuid,
  connectionId: uuid.optional(),
  dataType: dataTypeSchema.optional(),
  status: datasetStatusSchema.optional(),
});

export const PULL_OPERATION_SORT_FIELDS = ['requested'] as const;

export const pullOperationRecordSchema = z.object({
  /** `<companyId>.<datasetId>`: Codat reads a dataset only under its company. */
  id: z.string(),
  datasetId: z.string(),
  companyId: z.string(),
  connectionId: z.string(),
  dataType: z.string(),
  status: z.string(),
  statusDescription: z.string().optional(),
  errorMessage: z.string().optional(),
  /** Codat's timestamp, verbatim. */
  requested: z.string(),
  completed: z.string().optional(),
  progress: z.number(),
  /** True only when it completed successfully. */
  isCompleted: z.boolean(),
  isErrored: z.boolean(),
  /** Not finished yet (queued or in one of Codat's processing phases). */
  running: z.boolean(),
  durationMs: z.number().optional(),
});

export type PullOperationRecord = z.infer<typeof pullOperationRecordSchema>;
