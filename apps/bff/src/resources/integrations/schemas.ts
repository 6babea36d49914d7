import { z } from 'zod';
import { PLATFORM_KEY_PATTERN } from '../../codat/platforms.js';
import { MAX_SEARCH_LENGTH } from '../../codat/safe-query.js';
import { idsFilter } from '../../http/request-input.js';

export const INTEGRATION_SORT_FIELDS = ['id', 'key', 'name', 'sourceType'] as const;
export type IntegrationSortField = (typeof INTEGRATION_SORT_FIELDS)[number];

export const platformKeySchema = z.string().regex(PLATFORM_KEY_PATTERN, 'a platform key is four lower-case letters');

/** Filtered here, on the cached list: no user text reaches Codat. */
export const integrationFilterSchema = z.strictObject({
  q: z.string().trim().max(MAX_SEARCH_LENGTH).optional(),
  sourceType: z.string().regex(/^[A-Za-z]{1,30}$/).optional(),
  enabled: z.boolean().optional(),
  sandbox: z.boolean().optional(),
  id: idsFilter(platformKeySchema).optional(),
});
export type IntegrationFilter = z.infer<typeof integrationFilterSchema>;

export const integrationRecordSchema = z.object({
  id: z.string().describe('the platform key'),
  key: z.string(),
  name: z.string(),
  logoUrl: z.string(),
  sourceType: z.string().nullable(),
  enabled: z.boolean(),
  isBeta: z.boolean(),
  isOfflineConnector: z.boolean(),
  /** From Codat's undeclared `supportedEnvironments`; null when Codat doesn't say. */
  sandbox: z.boolean().nullable(),
});
export type IntegrationRecord = z.infer<typeof integrationRecordSchema>;

const image = z.string().nullable();
export const integrationDetailSchema = integrationRecordSchema.extend({
  branding: z.object({ logoFull: image, logoSquare: image, buttonDefault: image, buttonHover: image }).nullable(),
});
export type IntegrationDetail = z.infer<typeof integrationDetailSchema>;
