import { z } from 'zod';
import { PLATFORM_KEY_PATTERN } from '../../codat/platforms.js';
import { noteRecordSchema } from '../notes/note-record.js';
import { INCIDENT_RULE } from './incident.js';

/** A hex digest of platform + status code + status text (mirror/observe.ts errorGroupId). */
export const errorGroupIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'an error-group id is 24 hexadecimal characters');

/** `trend`: companies in the last 24 hours above the group's daily baseline (growing first, DESC). */
export const ERROR_GROUP_SORT_FIELDS = ['id', 'companies', 'connections', 'lastSeen', 'firstSeen', 'recentCompanies', 'trend', 'platformKey', 'statusCode'] as const;
export type ErrorGroupSortField = (typeof ERROR_GROUP_SORT_FIELDS)[number];

export const errorGroupFilterSchema = z.strictObject({
  platform: z.string().regex(PLATFORM_KEY_PATTERN, 'a platform key is four lower-case letters').optional(),
  statusCode: z.string().max(20).optional(),
  /** Words of the status text or error message. */
  q: z.string().max(100).optional(),
  probableIncident: z.boolean().optional(),
  /** First / last seen within a range (ISO date-times, bounds included). */
  firstSeenFrom: z.iso.datetime({ offset: true }).optional(),
  firstSeenTo: z.iso.datetime({ offset: true }).optional(),
  lastSeenFrom: z.iso.datetime({ offset: true }).optional(),
  lastSeenTo: z.iso.datetime({ offset: true }).optional(),
  id: z.union([z.string().max(64), z.array(z.string().max(64)).min(1).max(100)]).optional(),
});
export type ErrorGroupFilter = z.infer<typeof errorGroupFilterSchema>;

const trendDaySchema = z.object({ date: z.string(), errors: z.number(), companies: z.number() });

export const errorGroupRecordSchema = z.object({
  /** Platform + status code + status text, hashed; stable over time. */
  id: z.string(),
  platformKey: z.string().nullable(),
  platformName: z.string().nullable(),
  statusCode: z.string().nullable(),
  statusText: z.string().nullable(),
  /** The newest error message in the group. */
  sampleMessage: z.string().nullable(),
  /** Connections and companies with an active error of this group. */
  connections: z.number(),
  companies: z.number(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  /** Errors (active or since resolved) per UTC day over the last 30 days, oldest first. */
  trend: z.array(trendDaySchema),
  recentCompanies: z.number(),
  baselineCompaniesPerDay: z.number(),
  probableIncident: z.boolean().describe(INCIDENT_RULE),
  notes: z.array(noteRecordSchema),
});
export type ErrorGroupRecord = z.infer<typeof errorGroupRecordSchema>;

export const affectedCompanySchema = z.object({
  companyId: z.string(),
  companyName: z.string().nullable(),
  merchantId: z.string().nullable(),
  connectionId: z.string(),
  connectionStatus: z.string().nullable(),
  erroredOnUtc: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type AffectedCompany = z.infer<typeof affectedCompanySchema>;

/** getOne: the group with the connections it affects now (the export has them all). */
export const errorGroupDetailSchema = errorGroupRecordSchema.extend({
  affected: z.array(affectedCompanySchema),
  affectedTotal: z.number(),
});
