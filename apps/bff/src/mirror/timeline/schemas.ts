import { z } from 'zod';
import { noteRecordSchema } from '../../resources/notes/schemas.js';
import { uuid } from '../../http/params.js';
import { CHANGE_KINDS } from '../model.js';

export const timelineFilterSchema = z.strictObject({
  connectionId: uuid.optional(),
  kind: z.union([z.enum(CHANGE_KINDS), z.array(z.enum(CHANGE_KINDS)).min(1)]).optional(),
});
export type TimelineFilter = z.infer<typeof timelineFilterSchema>;

export const timelineEntrySchema = z.object({
  id: z.number(),
  kind: z.enum(CHANGE_KINDS),
  /** Codat's own time when it gives one, else when the mirror first saw it. */
  occurredAt: z.string(),
  seenAt: z.string(),
  /** `sync` (a pass over Codat) or `webhook`. */
  source: z.string(),
  connectionId: z.string().nullable(),
  platformKey: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  statusCode: z.string().nullable(),
  statusText: z.string().nullable(),
  errorMessage: z.string().nullable(),
  errorGroupId: z.string().nullable(),
  /** `existedBeforeMirror`, `vanished`, `withCompany`, `reappeared`, `reopened`. */
  flags: z.array(z.string()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineConnectionSchema = z.object({
  id: z.string(),
  platformKey: z.string().nullable(),
  platformName: z.string(),
  sourceType: z.string(),
  status: z.string(),
  deleted: z.boolean(),
  firstSeenAt: z.string(),
  statusChangedAt: z.string(),
  notes: z.array(noteRecordSchema),
});

export const timelineSchema = z.object({
  companyId: z.string(),
  companyName: z.string(),
  deleted: z.boolean(),
  refreshedAt: z.string().nullable(),
  retentionMonths: z.number(),
  /** Entries matching the filter; `entries` is the requested range of them, newest first. */
  total: z.number(),
  entries: z.array(timelineEntrySchema),
  connections: z.array(timelineConnectionSchema),
  /** Notes on the error groups the entries mention, by group id. */
  errorGroupNotes: z.record(z.string(), z.array(noteRecordSchema)),
});
export type Timeline = z.infer<typeof timelineSchema>;
