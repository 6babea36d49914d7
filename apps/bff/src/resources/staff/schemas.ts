import { ROLES } from '@console/contracts';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { uuid } from '../../http/params.js';
import { idsFilter } from '../../http/request-input.js';

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

export const createStaffSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: password.optional().describe('Omit to have one generated and answered once as initialPassword.'),
});

/** react-admin sends the whole record on update: other fields are ignored, only these change. */
export const updateStaffSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional().describe('Disabling ends all of the account’s sessions.'),
});
export type StaffUpdate = z.infer<typeof updateStaffSchema>;

export const resetPasswordSchema = z
  .object({ password: password.optional().describe('Omit to have one generated and answered once as initialPassword.') })
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
});

export const staffWithPasswordSchema = staffRecordSchema.extend({ initialPassword: z.string().optional() });
