import { z } from 'zod';

export const NOTE_TARGET_TYPES = ['error-group', 'connection'] as const;
export type NoteTargetType = (typeof NOTE_TARGET_TYPES)[number];

/** A staff note on an error group or a connection; shown wherever that group or connection is. */
export const noteRecordSchema = z.object({
  id: z.string(),
  targetType: z.enum(NOTE_TARGET_TYPES),
  targetId: z.string(),
  text: z.string(),
  authorId: z.string().nullable(),
  authorEmail: z.string().nullable(),
  createdAt: z.string(),
});
export type NoteRecord = z.infer<typeof noteRecordSchema>;
