import { z } from 'zod';
import { errorGroupRecordSchema } from '../connection-error-groups/schemas.js';

export const incidentSchema = z.object({
  status: z.enum(['current', 'ended']),
  /** The first UTC day the group met the rule, and its first error that day. */
  startedOn: z.string(),
  startedAt: z.string(),
  /** The last day it met the rule; null while it still does. */
  endedOn: z.string().nullable(),
  /** Companies per day in the 29 days before it started, and the companies a day needed to meet the rule. */
  baselineCompaniesPerDay: z.number(),
  thresholdCompanies: z.number(),
  /** Companies hit in the last 12 hours and the 12 hours before; growing when the first is larger (never for an ended one). */
  companiesLast12h: z.number(),
  companiesPrevious12h: z.number(),
  growing: z.boolean(),
});

/** An error group (with its 30-day trend of companies per day and its notes) and the incident it is in. */
export const incidentRecordSchema = errorGroupRecordSchema.extend({ incident: incidentSchema });
export type IncidentRecord = z.infer<typeof incidentRecordSchema>;

export const incidentsResponseSchema = z.object({
  /** The probable-incident rule in words (connection-error-groups/incident.ts). */
  rule: z.string(),
  /** How "growing" is judged, in words. */
  growingRule: z.string(),
  /** Ended incidents are listed when they met the rule within this many days. */
  recentDays: z.number(),
  /** How long the mirror keeps error history (MIRROR_RETENTION_MONTHS). */
  retentionMonths: z.number(),
  /** Current incidents first, then the most recently started. */
  incidents: z.array(incidentRecordSchema),
});
export type IncidentsResponse = z.infer<typeof incidentsResponseSchema>;
