import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { time } from './columns.js';

/**
 * The fleet mirror (src/mirror): every company and connection as last seen in Codat, the history
 * of what changed, sync runs, daily snapshots for finance, and staff notes. Codat ids are kept as
 * text, as Codat sends them (lower-cased). The trigram search index is not declared here: it needs
 * the pg_trgm extension where one is available, and is built before the first load (see
 * mirror/db/maintenance.ts). Indexes are kept to what queries use: each costs every sync's writes.
 */

export const mirrorCompanies = pgTable(
  'mirror_companies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** name-similarity.ts's normalisation, for the possible-duplicates report. */
    nameNormalised: text('name_normalised').notNull(),
    description: text('description'),
    merchantId: text('merchant_id'),
    tags: jsonb('tags').$type<Record<string, string>>().notNull(),
    /** Codat's strings as sent; the `_at` twins are for sorting and arithmetic. */
    created: text('created'),
    createdAt: time('created_at'),
    lastSync: text('last_sync'),
    lastSyncAt: time('last_sync_at'),
    /** Lower-cased name, description, merchant id and id: what the search box matches. */
    searchText: text('search_text').notNull(),
    firstSeenAt: time('first_seen_at').notNull(),
    updatedAt: time('updated_at').notNull(),
    /**
     * When it last changed in what a daily snapshot and the possible duplicates read: it appeared,
     * was deleted, or its name, merchant id or creation date changed. Not when Codat synced its data.
     */
    reshapedAt: time('reshaped_at').notNull(),
    deletedAt: time('deleted_at'),
    /**
     * Digest of the company as the last sync page listed it (connections and errors included): a
     * page skips the diff for companies whose digest is unchanged. Other writers clear it.
     */
    syncDigest: text('sync_digest'),
    /** Its connections that are Linked and not deleted, kept by each write (mirror/db/write.ts): the dashboard reads it without joining every connection. */
    linkedConnections: integer('linked_connections').notNull().default(0),
  },
  (table) => [
    index('mirror_companies_name').on(sql`lower(${table.name})`, table.id),
    index('mirror_companies_created').on(table.createdAt, table.id),
    index('mirror_companies_last_sync').on(table.lastSyncAt, table.id),
    // Whether any company was reshaped since a snapshot (see mirror/db/snapshot.ts).
    index('mirror_companies_reshaped').on(table.reshapedAt),
  ],
);

/** Numbers each change of a connection that a daily snapshot counts (see mirror/db/snapshot.ts). */
export const mirrorConnectionChangeSeq = pgSequence('mirror_connection_change_seq');

export const mirrorConnections = pgTable(
  'mirror_connections',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id').notNull(),
    integrationId: text('integration_id').notNull(),
    platformKey: text('platform_key'),
    platformName: text('platform_name').notNull(),
    sourceType: text('source_type').notNull(),
    status: text('status').notNull(),
    created: text('created'),
    createdAt: time('created_at'),
    lastSync: text('last_sync'),
    sandbox: boolean('sandbox').notNull(),
    firstSeenAt: time('first_seen_at').notNull(),
    statusChangedAt: time('status_changed_at').notNull(),
    /** When Codat's answer (or event) this row reflects was produced: older ones are ignored. */
    observedAt: time('observed_at').notNull(),
    deletedAt: time('deleted_at'),
    /** From mirror_connection_change_seq when written and whenever what a snapshot counts of it changes (status, company, platform, source type, sandbox, deletion). */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(sql`nextval('mirror_connection_change_seq')`),
    /** Its errors that are active, kept by each write (mirror/db/write.ts): the dashboard counts failing connections without joining every error. */
    activeErrors: integer('active_errors').notNull().default(0),
  },
  (table) => [
    index('mirror_connections_company').on(table.companyId),
    index('mirror_connections_change_seq').on(table.changeSeq),
    index('mirror_connections_status').on(table.status, table.companyId).where(sql`${table.deletedAt} is null`),
    index('mirror_connections_platform').on(table.platformKey, table.companyId).where(sql`${table.deletedAt} is null`),
    // Linked connections with an active error: a few thousand at most, counted by the dashboard.
    index('mirror_connections_failing').on(table.companyId).where(sql`${table.activeErrors} > 0 and ${table.status} = 'Linked' and ${table.deletedAt} is null`),
  ],
);

export const mirrorConnectionErrors = pgTable(
  'mirror_connection_errors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    connectionId: text('connection_id').notNull(),
    companyId: text('company_id').notNull(),
    platformKey: text('platform_key'),
    fingerprint: text('fingerprint').notNull(),
    groupId: text('group_id').notNull(),
    statusCode: text('status_code'),
    statusText: text('status_text'),
    errorMessage: text('error_message'),
    erroredOnUtc: text('errored_on_utc'),
    erroredAt: time('errored_at'),
    status: text('status'),
    resolvedOnUtc: text('resolved_on_utc'),
    resolvedAt: time('resolved_at'),
    active: boolean('active').notNull(),
    /** No longer listed by Codat (or its connection is gone). */
    gone: boolean('gone').notNull(),
    firstSeenAt: time('first_seen_at').notNull(),
    /** When it stopped counting as active; pruned after the retention period. */
    inactiveSince: time('inactive_since'),
  },
  (table) => [
    uniqueIndex('mirror_connection_errors_identity').on(table.connectionId, table.fingerprint),
    index('mirror_connection_errors_active_group').on(table.groupId, table.companyId).where(sql`${table.active}`),
    index('mirror_connection_errors_group_time').on(table.groupId, table.erroredAt),
    index('mirror_connection_errors_company').on(table.companyId),
    index('mirror_connection_errors_time').on(table.erroredAt),
  ],
);

export const mirrorChanges = pgTable(
  'mirror_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    companyId: text('company_id').notNull(),
    connectionId: text('connection_id'),
    platformKey: text('platform_key'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** Codat's time when it gives one; otherwise when the mirror first saw the change. */
    occurredAt: time('occurred_at').notNull(),
    seenAt: time('seen_at').notNull(),
    source: text('source').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (table) => [
    check('mirror_changes_source', sql`${table.source} in ('sync', 'webhook')`),
    index('mirror_changes_company').on(table.companyId, table.occurredAt),
    index('mirror_changes_transitions').on(table.occurredAt).where(sql`${table.kind} = 'connection.status'`),
  ],
);

export const mirrorSyncRuns = pgTable(
  'mirror_sync_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    trigger: text('trigger').notNull(),
    status: text('status').notNull(),
    holder: text('holder').notNull(),
    startedAt: time('started_at').notNull(),
    finishedAt: time('finished_at'),
    pageSize: integer('page_size').notNull(),
    lastPage: integer('last_page').notNull(),
    totalResults: integer('total_results'),
    pages: integer('pages').notNull(),
    companies: integer('companies').notNull(),
    connections: integer('connections').notNull(),
    changes: integer('changes').notNull(),
    deletedCompanies: integer('deleted_companies').notNull(),
    resumedCount: integer('resumed_count').notNull(),
    errors: jsonb('errors').$type<string[]>().notNull(),
    /** On embedded PGlite: the longest one of the run's statements or transactions held the database (ms); null elsewhere. */
    longestHoldMs: integer('longest_hold_ms'),
  },
  (table) => [
    check('mirror_sync_runs_status', sql`${table.status} in ('running', 'interrupted', 'completed', 'abandoned')`),
    index('mirror_sync_runs_started').on(table.startedAt),
  ],
);

/** Companies a run has listed, so a completed pass can check the ones it did not. Kept apart from mirror_companies so a sync does not rewrite every company row. */
export const mirrorSyncSeen = pgTable(
  'mirror_sync_seen',
  {
    runId: bigint('run_id', { mode: 'number' }).notNull(),
    companyId: text('company_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.companyId] })],
);

/** One row: which replica may sync, until when. */
export const mirrorLease = pgTable('mirror_lease', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: time('expires_at').notNull(),
});

/** At most one snapshot per UTC day, written after a completed sync. */
export const mirrorSnapshotDays = pgTable('mirror_snapshot_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  takenAt: time('taken_at').notNull(),
  runId: bigint('run_id', { mode: 'number' }).notNull(),
  companies: integer('companies').notNull(),
  companiesWithoutConnections: integer('companies_without_connections').notNull(),
  /** Rebuilt afterwards from what Codat records (mirror/db/backfill.ts), not taken on the day. */
  reconstructed: boolean('reconstructed').notNull().default(false),
  /** The highest mirror_connections.change_seq the snapshot counted: a later sync that day replaces only what changed after it. */
  changeSeq: bigint('change_seq', { mode: 'number' }),
  /**
   * The day's counts (mirror_snapshot_counts) and the month's kept report are still those of the
   * day's earlier snapshot: the sync writes them after the snapshot's transaction, from the
   * snapshot read in pieces (reports/stored-report.ts keepSnapshotReport).
   */
  pending: boolean('pending').notNull().default(false),
});

/** A day's connection counts by status × platform × source type (the series behind the charts). */
export const mirrorSnapshotCounts = pgTable(
  'mirror_snapshot_counts',
  {
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    /** `''` when Codat sent no platform key. */
    platformKey: text('platform_key').notNull(),
    sourceType: text('source_type').notNull(),
    sandbox: boolean('sandbox').notNull(),
    connections: integer('connections').notNull(),
    companies: integer('companies').notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.status, table.platformKey, table.sourceType] })],
);

/**
 * Each connection's month, built from the daily snapshots: first and last status and day, how
 * many snapshot days it was seen and Linked on, and how the previous month ended for it.
 */
export const mirrorConnectionMonths = pgTable(
  'mirror_connection_months',
  {
    month: text('month').notNull(),
    connectionId: text('connection_id').notNull(),
    companyId: text('company_id').notNull(),
    platformKey: text('platform_key'),
    platformName: text('platform_name').notNull(),
    sourceType: text('source_type').notNull(),
    sandbox: boolean('sandbox').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    firstStatus: text('first_status').notNull(),
    lastStatus: text('last_status').notNull(),
    daysSeen: integer('days_seen').notNull(),
    daysLinked: integer('days_linked').notNull(),
    /** Seen in the previous month's last snapshot, and with what status. */
    previousStatus: text('previous_status'),
    /** last_day and last_status before the latest day was added: what undoes that day when a later sync the same day replaces it. */
    beforeLastDay: date('before_last_day', { mode: 'string' }),
    beforeLastStatus: text('before_last_status'),
  },
  (table) => [primaryKey({ columns: [table.month, table.connectionId] }), index('mirror_connection_months_company').on(table.month, table.companyId)],
);

/** Staff notes on an error group or a connection. */
export const mirrorNotes = pgTable(
  'mirror_notes',
  {
    id: uuid('id').primaryKey(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id'),
    authorEmail: text('author_email'),
    createdAt: time('created_at').notNull(),
  },
  (table) => [
    check('mirror_notes_target_type', sql`${table.targetType} in ('error-group', 'connection')`),
    index('mirror_notes_target').on(table.targetType, table.targetId, table.createdAt),
  ],
);

/**
 * Each company's month, rolled up from mirror_connection_months when a snapshot is taken: what
 * the per-company report pages through. Billable counts are kept for every rule.
 */
export const mirrorCompanyMonths = pgTable(
  'mirror_company_months',
  {
    month: text('month').notNull(),
    companyId: text('company_id').notNull(),
    connections: integer('connections').notNull(),
    linkedAtMonthEnd: integer('linked_at_month_end').notNull(),
    billableLinkedAnyTime: integer('billable_linked_any_time').notNull(),
    billableLinkedAtMonthEnd: integer('billable_linked_at_month_end').notNull(),
    billableLinkedAllMonth: integer('billable_linked_all_month').notNull(),
    sandboxConnections: integer('sandbox_connections').notNull(),
    platforms: text('platforms').array().notNull(),
    /** The platforms' names, as the month's connections had them: the report lists them per company without reading its connections. */
    platformNames: text('platform_names').array().notNull().default(sql`'{}'`),
  },
  (table) => [primaryKey({ columns: [table.month, table.companyId] })],
);

/** The connection-counts report as of a month's last snapshot, per billable rule: computed once, read many times. */
export const mirrorReports = pgTable(
  'mirror_reports',
  {
    month: text('month').notNull(),
    rule: text('rule').notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    computedAt: time('computed_at').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.rule] })],
);

/**
 * Secondary indexes dropped for a first load (mirror/db/maintenance.ts) with the statement that
 * rebuilds each: kept here so a load that crashes still gets them back when it completes.
 */
export const mirrorDeferredIndexes = pgTable('mirror_deferred_indexes', {
  name: text('name').primaryKey(),
  definition: text('definition').notNull(),
  deferredAt: time('deferred_at').notNull(),
});

/**
 * Possible duplicates as of the last completed sync (reports/duplicates.ts): finding them groups
 * every company and connection, too slow to repeat for each page and export batch.
 */
export const mirrorDuplicateGroups = pgTable(
  'mirror_duplicate_groups',
  {
    reason: text('reason').notNull(),
    key: text('key').notNull(),
    companyIds: text('company_ids').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.reason, table.key] })],
);
