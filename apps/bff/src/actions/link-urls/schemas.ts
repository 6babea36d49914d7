import { z } from 'zod';

export const linkUrlResponseSchema = z.object({
  kind: z.enum(['company', 'connection', 'invite']),
  url: z.string(),
  /** Set when the URL carries a one-time password. */
  expiresAt: z.string().nullable(),
  oneTime: z.boolean(),
  /** For staff: what this URL is for and how it behaves. */
  note: z.string(),
  /** Ready to paste into an email or Slack. */
  message: z.string(),
  companyId: z.string().optional(),
  connectionId: z.string().optional(),
  warning: z.string().optional(),
});
export type LinkUrlResponse = z.infer<typeof linkUrlResponseSchema>;

export const inviteAvailabilitySchema = z.object({ available: z.boolean() });
