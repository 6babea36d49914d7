import { CONNECTION_STATUSES } from '@console/codat-client';
import { z } from 'zod';
import { PLATFORM_KEY_PATTERN } from '../../codat/platforms.js';
import { idsFilter } from '../../http/request-input.js';
import { uuid } from '../../http/params.js';
import { isConnectionRecordId } from './connection-id.js';

export const CONNECTION_SORT_FIELDS = ['id', 'platformName', 'status', 'created', 'lastSync'] as const;
export type ConnectionSortField = (typeof CONNECTION_SORT_FIELDS)[number];

const recordId = z.string().refine(isConnectionRecordId, 'expected <companyId>.<connectionId>');

export const connectionFilterSchema = z.strictObject({
  /** Required for lists; getMany sends `id` instead. */
  companyId: uuid.optional(),
  status: z.enum(CONNECTION_STATUSES).optional(),
  sourceType: z.string().regex(/^[A-Za-z]{1,30}$/).optional(),
  id: idsFilter(recordId).optional(),
});
export type ConnectionFilter = z.infer<typeof connectionFilterSchema>;

export const createConnectionSchema = z.strictObject({
  companyId: uuid,
  platformKey: z.string().regex(PLATFORM_KEY_PATTERN, 'a platform key is four lower-case letters'),
});

export const connectionErrorSchema = z.object({
  statusCode: z.string().nullable(),
  statusText: z.string().nullable(),
  errorMessage: z.string().nullable(),
  erroredOnUtc: z.string().nullable(),
  status: z.string().nullable().describe('Active, Resolved, or null when not transient'),
  resolvedOnUtc: z.string().nullable(),
});

/** What the SPA gets for a connection. Never the `linkUrl`: see POST /connections/{id}/link-url. */
export const connectionRecordSchema = z.object({
  id: z.string().describe('<companyId>.<connectionId>'),
  companyId: z.string(),
  connectionId: z.string(),
  platformKey: z.string().nullable(),
  platformName: z.string(),
  sourceType: z.string(),
  status: z.string(),
  created: z.string(),
  lastSync: z.string().nullable(),
  /** Active first, then newest first. */
  errors: z.array(connectionErrorSchema),
  activeErrorCount: z.number(),
  /** Source accounts can be managed on this connection. */
  bankFeed: z.boolean(),
  /** Whether POST /connections/{id}/link-url will hand out this connection's own Link URL. */
  shareableLinkUrl: z.boolean(),
});
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>;
