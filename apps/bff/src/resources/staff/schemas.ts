import { ROLES } from '@console/contracts';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { uuid } from '../../http/params.js';
import { idsFilter } from '../../http/request-input.js';
import { singleLine } from '../../http/text.js';

export const STAFF_SORT_FIELDS = ['email', 'name', 'role', 'createdAt', 'lastSignInAt'] as const;

export const staffFilterSchema = z.strictObject({
  /** Email or name contains. */
  q: z.string().max(100).optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
  id: idsFilter(uuid).optional(),
});
export type StaffFilter = z.infer<typeof staffFilterSchema>;

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `passwords have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);

const name = singleLine(z.string().trim().min(1).max(200));

export const createStaffSchema = z.strictObject({
  email: z.email().max(320),
  name,
  role: z.enum(ROLES),
  password: password.optional().describe('Omit to have one generated and answered once as initialPassword.'),
});

export const resetPasswordSchema = z
  .strictObject({ password: password.optional().describe('Omit to have one generated and answered once as initialPassword.') })
  .optional();

export const staffRecordSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  passwordSet: z.boolean(),
  sso: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSignInAt: z.string().nullable(),
  signInLockedUntil: z.string().nullable().describe('When the latest sign-in lock-out or delay on the account (from any address) ends; POST /staff/{id}/unlock lifts it.'),
});

/** react-admin sends the whole record on update: its other fields are accepted and ignored, any other field is refused. */
export const updateStaffSchema = staffRecordSchema
  .partial()
  .extend({
    name: name.optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional().describe('Disabling ends all of the account’s sessions.'),
  })
  .strict();
export type StaffUpdate = z.infer<typeof updateStaffSchema>;

export const staffWithPasswordSchema = staffRecordSchema.extend({ initialPassword: z.string().optional() });
