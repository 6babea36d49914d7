import { z } from 'zod';
import { errorGroupRecordSchema } from '../connection-error-groups/schemas.js';

/** How many days each chart spans (today included). */
export const FLEET_HEALTH_DAYS = 30;
/** A Linked company whose last sync is older than this is counted as stuck. */
export const STUCK_AFTER_DAYS = 7;

const connectionsDaySchema = z.object({ day: z.string(), byStatus: z.record(z.string(), z.number()), sandbox: z.number() });

/** GET /api/fleet-health: the dashboard's charts, each with when its figures were taken. */
export const fleetHealthSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The mirror's last completed sync (null before the first): when the error and sync figures were taken. */
  refreshedAt: z.string().nullable(),
  connectionsByStatus: z.object({
    /** When the latest daily snapshot in the range was taken; days without a snapshot are missing. */
    takenAt: z.string().nullable(),
    days: z.array(connectionsDaySchema.extend({ reconstructed: z.boolean() })),
  }),
  activeErrors: z.object({
    takenAt: z.string().nullable(),
    /** Connection errors active at the end of each UTC day (today: now), oldest first. */
    days: z.array(z.object({ day: z.string(), errors: z.number() })),
  }),
  incidents: z.object({
    takenAt: z.string().nullable(),
    rule: z.string(),
    /** Error groups flagged a probable incident now. */
    open: z.number(),
    /** The most growing of them. */
    groups: z.array(errorGroupRecordSchema.pick({ id: true, platformName: true, statusCode: true, statusText: true, companies: true, recentCompanies: true, baselineCompaniesPerDay: true, trend: true })),
  }),
  syncs: z.object({
    takenAt: z.string().nullable(),
    stuckAfterDays: z.number(),
    /** Companies with a Linked connection, by how long ago Codat last synced them. */
    linkedCompaniesBySyncAge: z.array(z.object({ age: z.enum(['day', 'week', 'month', 'older', 'never']), label: z.string(), companies: z.number() })),
    stuckCompanies: z.number(),
    /** Linked connections with an active error: their reads are failing. */
    failingConnections: z.number(),
    failingCompanies: z.number(),
  }),
});
export type FleetHealth = z.infer<typeof fleetHealthSchema>;
