import { z } from 'zod';
import { uuid } from '../../http/params.js';

export const dataStatusFilterSchema = z.strictObject({
  companyId: uuid,
  /** Only the data types being read right now (or only the idle ones). */
  running: z.boolean().optional(),
});

export const DATA_STATUS_SORT_FIELDS = ['dataType', 'currentStatus', 'lastSuccessfulSync'] as const;

export const dataStatusRecordSchema = z.object({
  /** `<companyId>.<dataType>`. */
  id: z.string(),
  companyId: z.string(),
  dataType: z.string(),
  /** Absent when Codat lists a type it has never read. */
  currentStatus: z.string().optional(),
  lastSuccessfulSync: z.string().optional(),
  latestSyncId: z.string().optional(),
  latestSuccessfulSyncId: z.string().optional(),
  /** The latest read of this type has not finished. */
  running: z.boolean(),
});

export type DataStatusRecord = z.infer<typeof dataStatusRecordSchema>;
