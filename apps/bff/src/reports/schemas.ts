import { z } from 'zod';
import { PLATFORM_KEY_PATTERN } from '../codat/platforms.js';


const billableRuleSchema = z.object({ key: z.string(), description: z.string() });

export const connectionCountRowSchema = z.object({
  /** The status on the month's last snapshot, or `Deleted` for connections gone before it. */
  status: z.string(),
  platformKey: z.string().nullable(),
  platformName: z.string().nullable(),
  sourceType: z.string(),
  sandbox: z.boolean(),
  connections: z.number(),
  companies: z.number(),
  billableConnections: z.number(),
});
export type ConnectionCountRow = z.infer<typeof connectionCountRowSchema>;

export const platformChangeSchema = z.object({ platformKey: z.string().nullable(), platformName: z.string().nullable(), new: z.number(), lost: z.number(), relinked: z.number() });

export const connectionCountsReportSchema = z.object({
  month: z.string(),
  /** When these numbers were taken: the month's latest snapshot, or the one before while the sync still makes it (null without one). */
  refreshedAt: z.string().nullable(),
  /** When the mirror last completed a sync (a later snapshot may not have been taken yet). */
  mirrorSyncedAt: z.string().nullable(),
  /** The month has not ended: its figures are as of its latest snapshot, not of its end, and the latest day's snapshot is replaced by each sync that day. */
  inProgress: z.boolean(),
  billableRule: billableRuleSchema,
  /** The sync still makes the figures of the month's first snapshot (the mirror's first load, a month just reconstructed): totals, rows and changes are empty until then, and refreshedAt is null. */
  beingMade: z.boolean(),
  /** The month's daily snapshots; null when there are none (the mirror did not run that month). */
  snapshots: z
    .object({
      days: z.number(),
      firstDay: z.string(),
      lastDay: z.string(),
      takenAt: z.string(),
      /** Set (to what it is based on) when the month was rebuilt from Codat's records rather than taken day by day. */
      reconstructed: z.string().nullable(),
    })
    .nullable(),
  totals: z
    .object({
      /** On the month's latest snapshot. */
      companies: z.number(),
      companiesWithoutConnections: z.number(),
      /** Every company of the month (the rows of the per-company list and export), and those without a connection on any snapshot of it. */
      companiesInMonth: z.number(),
      companiesInMonthWithoutConnections: z.number(),
      /** Non-sandbox connections on any snapshot of the month. */
      connectionsSeen: z.number(),
      connectionsAtMonthEnd: z.number(),
      billableConnections: z.number(),
      billableCompanies: z.number(),
      sandboxConnections: z.number(),
      sandboxCompanies: z.number(),
    })
    .nullable(),
  /** Status × platform × source type, sandbox integrations excluded. */
  rows: z.array(connectionCountRowSchema),
  /** The same for sandbox integrations, never billable. */
  sandbox: z.array(connectionCountRowSchema),
  /** Against the previous month's last snapshot, sandbox excluded. `comparable` is false when that month has none. */
  changes: z
    .object({
      previousMonth: z.string(),
      comparable: z.boolean(),
      new: z.number(),
      lost: z.number(),
      relinked: z.number(),
      byPlatform: z.array(platformChangeSchema),
    })
    .nullable(),
  /** Connections per status per snapshot day, sandbox excluded: the series behind a chart. */
  daily: z.array(z.object({ day: z.string(), status: z.string(), connections: z.number() })),
});
export type ConnectionCountsReport = z.infer<typeof connectionCountsReportSchema>;

export const COMPANY_COUNT_SORT_FIELDS = ['id', 'name', 'connections', 'billableConnections'] as const;
export type CompanyCountSortField = (typeof COMPANY_COUNT_SORT_FIELDS)[number];

export const companyCountFilterSchema = z.strictObject({
  billable: z.boolean().optional(),
  withoutConnections: z.boolean().optional(),
  platform: z.string().regex(PLATFORM_KEY_PATTERN).optional(),
});
export type CompanyCountFilter = z.infer<typeof companyCountFilterSchema>;

export const companyCountRecordSchema = z.object({
  /** The company id (react-admin needs `id`). */
  id: z.string(),
  name: z.string().nullable(),
  merchantId: z.string().nullable(),
  companyDeleted: z.boolean(),
  /** Existed during the month's snapshots without a connection on any of them. */
  withoutConnections: z.boolean(),
  connections: z.number(),
  linkedAtMonthEnd: z.number(),
  billableConnections: z.number(),
  sandboxConnections: z.number(),
  /** Platform keys, and the same platforms by name. */
  platforms: z.array(z.string()),
  platformNames: z.array(z.string()),
});
export type CompanyCountRecord = z.infer<typeof companyCountRecordSchema>;

export const DUPLICATE_KINDS = ['merchantId', 'sameName', 'samePlatform'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

export const duplicateFilterSchema = z.strictObject({ reason: z.enum(DUPLICATE_KINDS).optional() });

export const duplicateCompanySchema = z.object({
  id: z.string(),
  name: z.string(),
  merchantId: z.string().nullable(),
  created: z.string().nullable(),
  connections: z.number(),
  linkedConnections: z.number(),
  platforms: z.array(z.string()),
});
export type DuplicateCompany = z.infer<typeof duplicateCompanySchema>;

export const duplicateRecordSchema = z.object({
  /** `<reason>:<key>`. */
  id: z.string(),
  reason: z.enum(DUPLICATE_KINDS),
  /** The shared merchant id, the shared normalised name, or `<companyId>:<platformKey>`. */
  key: z.string(),
  explanation: z.string(),
  companies: z.array(duplicateCompanySchema),
  /** samePlatform only: the connections to that platform. */
  connections: z.array(z.object({ id: z.string(), status: z.string(), created: z.string().nullable() })),
});
export type DuplicateRecord = z.infer<typeof duplicateRecordSchema>;
