import { z } from 'zod';
import { uuid } from '../../http/params.js';
import { freeText } from '../../http/text.js';
import { errorGroupIdSchema } from '../connection-error-groups/schemas.js';
import { NOTE_TARGET_TYPES } from './note-record.js';

const text = freeText(z.string().trim().min(1, 'a note needs some text').max(2000));

export const createNoteSchema = z.discriminatedUnion('targetType', [
  z.strictObject({ targetType: z.literal('error-group'), targetId: errorGroupIdSchema, text }),
  z.strictObject({ targetType: z.literal('connection'), targetId: uuid, text }),
]);
export type CreateNoteInput = z.infer<typeof createNoteSchema>;

export const noteFilterSchema = z.strictObject({
  targetType: z.enum(NOTE_TARGET_TYPES).optional(),
  targetId: z.string().max(64).optional(),
  id: z.union([uuid, z.array(uuid).min(1).max(100)]).optional(),
});

export { noteRecordSchema, NOTE_TARGET_TYPES, type NoteRecord, type NoteTargetType } from './note-record.js';
