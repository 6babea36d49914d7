import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { MirrorWrite, ObservedCompany } from '../model.js';
import { array, iso } from './sql.js';

/** Rows per statement: `unnest` takes one array per column, so this only bounds statement size. */
const CHUNK = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

const SEARCH_TEXT = sql.raw(`lower(u.name || ' ' || coalesce(u.description, '') || ' ' || coalesce(u.merchant_id, '') || ' ' || u.id)`);

/** reshaped_at moves on when the company comes back or one of `columns` changes (see the schema). */
const reshapedAt = (columns: string[]) =>
  sql.raw(`reshaped_at = case when mirror_companies.deleted_at is not null
      or (${columns.map((column) => `mirror_companies.${column}`).join(', ')}) is distinct from (${columns.map((column) => `excluded.${column}`).join(', ')})
    then excluded.updated_at else mirror_companies.reshaped_at end`);

/**
 * Companies from a full read replace every field; those from a webhook's `referenceCompany`
 * (no dates) leave the stored dates alone.
 */
async function upsertCompanies(db: Db, write: MirrorWrite, now: string, digests: ReadonlyMap<string, string>): Promise<void> {
  const { companies } = write;
  const linked = countBy(write.connections.filter((c) => c.status === 'Linked'), (c) => c.companyId);
  const full = companies.filter((company) => company.created !== undefined);
  const partial = companies.filter((company) => company.created === undefined);
  for (const batch of chunks(full)) {
    await db.execute(sql`
      insert into mirror_companies (id, name, name_normalised, description, merchant_id, tags, created, created_at, last_sync, last_sync_at, search_text, first_seen_at, updated_at, reshaped_at, sync_digest, linked_connections)
      select u.id, u.name, u.name_normalised, u.description, u.merchant_id, u.tags::jsonb, u.created, u.created_at, u.last_sync, u.last_sync_at, ${SEARCH_TEXT}, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, u.digest, u.linked
      from unnest(${array(batch.map((c) => c.id), 'text')}, ${array(batch.map((c) => c.name), 'text')}, ${array(batch.map((c) => c.nameNormalised), 'text')},
        ${array(batch.map((c) => c.description), 'text')}, ${array(batch.map((c) => c.merchantId), 'text')}, ${array(batch.map((c) => JSON.stringify(c.tags)), 'text')},
        ${array(batch.map((c) => c.created ?? null), 'text')}, ${array(batch.map((c) => iso(c.createdAt)), 'timestamptz')},
        ${array(batch.map((c) => c.lastSync ?? null), 'text')}, ${array(batch.map((c) => iso(c.lastSyncAt)), 'timestamptz')},
        ${array(batch.map((c) => digests.get(c.id) ?? null), 'text')}, ${array(batch.map((c) => linked.get(c.id) ?? 0), 'int')})
        as u(id, name, name_normalised, description, merchant_id, tags, created, created_at, last_sync, last_sync_at, digest, linked)
      on conflict (id) do update set name = excluded.name, name_normalised = excluded.name_normalised, description = excluded.description,
        merchant_id = excluded.merchant_id, tags = excluded.tags, created = excluded.created, created_at = excluded.created_at,
        last_sync = excluded.last_sync, last_sync_at = excluded.last_sync_at, search_text = excluded.search_text,
        updated_at = excluded.updated_at, ${reshapedAt(['name_normalised', 'merchant_id', 'created_at'])}, deleted_at = null, sync_digest = excluded.sync_digest`);
  }
  for (const batch of chunks(partial)) {
    await db.execute(sql`
      insert into mirror_companies (id, name, name_normalised, description, merchant_id, tags, search_text, first_seen_at, updated_at, reshaped_at, linked_connections)
      select u.id, u.name, u.name_normalised, u.description, u.merchant_id, u.tags::jsonb, ${SEARCH_TEXT}, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, u.linked
      from unnest(${array(batch.map((c) => c.id), 'text')}, ${array(batch.map((c) => c.name), 'text')}, ${array(batch.map((c) => c.nameNormalised), 'text')},
        ${array(batch.map((c) => c.description), 'text')}, ${array(batch.map((c) => c.merchantId), 'text')}, ${array(batch.map((c) => JSON.stringify(c.tags)), 'text')},
        ${array(batch.map((c) => linked.get(c.id) ?? 0), 'int')})
        as u(id, name, name_normalised, description, merchant_id, tags, linked)
      on conflict (id) do update set name = excluded.name, name_normalised = excluded.name_normalised, description = excluded.description,
        merchant_id = excluded.merchant_id, tags = excluded.tags, search_text = excluded.search_text, updated_at = excluded.updated_at,
        ${reshapedAt(['name_normalised', 'merchant_id'])}, deleted_at = null, sync_digest = null`);
  }
}

async function upsertConnections(db: Db, write: MirrorWrite, now: string): Promise<void> {
  const observedAt = write.observedAt.toISOString();
  const activeErrors = countBy(write.newErrors.filter((e) => e.active), (e) => e.connectionId);
  for (const batch of chunks(write.connections)) {
    // The `where` keeps a newer observation (a webhook racing a page) from being overwritten.
    await db.execute(sql`
      insert into mirror_connections (id, company_id, integration_id, platform_key, platform_name, source_type, status, created, created_at, last_sync, sandbox, first_seen_at, status_changed_at, observed_at, active_errors)
      select u.id, u.company_id, u.integration_id, u.platform_key, u.platform_name, u.source_type, u.status, u.created, u.created_at, u.last_sync, u.sandbox,
        ${now}::timestamptz, ${now}::timestamptz, ${observedAt}::timestamptz, u.active_errors
      from unnest(${array(batch.map((c) => c.id), 'text')}, ${array(batch.map((c) => c.companyId), 'text')}, ${array(batch.map((c) => c.integrationId), 'text')},
        ${array(batch.map((c) => c.platformKey), 'text')}, ${array(batch.map((c) => c.platformName), 'text')}, ${array(batch.map((c) => c.sourceType), 'text')},
        ${array(batch.map((c) => c.status), 'text')}, ${array(batch.map((c) => c.created), 'text')}, ${array(batch.map((c) => iso(c.createdAt)), 'timestamptz')},
        ${array(batch.map((c) => c.lastSync), 'text')}, ${array(batch.map((c) => c.sandbox), 'boolean')}, ${array(batch.map((c) => activeErrors.get(c.id) ?? 0), 'int')})
        as u(id, company_id, integration_id, platform_key, platform_name, source_type, status, created, created_at, last_sync, sandbox, active_errors)
      on conflict (id) do update set company_id = excluded.company_id, integration_id = excluded.integration_id, platform_key = excluded.platform_key,
        platform_name = excluded.platform_name, source_type = excluded.source_type, status = excluded.status, created = excluded.created,
        created_at = excluded.created_at, last_sync = excluded.last_sync, sandbox = excluded.sandbox, observed_at = excluded.observed_at,
        status_changed_at = case when mirror_connections.status <> excluded.status or mirror_connections.deleted_at is not null
          then excluded.status_changed_at else mirror_connections.status_changed_at end,
        change_seq = case when mirror_connections.deleted_at is not null
            or (mirror_connections.status, mirror_connections.company_id, mirror_connections.platform_key, mirror_connections.platform_name,
              mirror_connections.source_type, mirror_connections.sandbox)
              is distinct from (excluded.status, excluded.company_id, excluded.platform_key, excluded.platform_name, excluded.source_type, excluded.sandbox)
          then nextval('mirror_connection_change_seq') else mirror_connections.change_seq end,
        deleted_at = null
      where mirror_connections.observed_at <= excluded.observed_at`);
  }
}

async function deleteRecords(db: Db, write: MirrorWrite, now: string): Promise<void> {
  if (write.deletedCompanyIds.length > 0) {
    await db.execute(sql`update mirror_companies set deleted_at = ${now}::timestamptz, updated_at = ${now}::timestamptz, reshaped_at = ${now}::timestamptz
      where id = any(${array(write.deletedCompanyIds, 'text')}) and deleted_at is null`);
  }
  if (write.deletedConnectionIds.length > 0) {
    const ids = array(write.deletedConnectionIds, 'text');
    await db.execute(sql`update mirror_connections set deleted_at = ${now}::timestamptz, status_changed_at = ${now}::timestamptz,
      change_seq = nextval('mirror_connection_change_seq')
      where id = any(${ids}) and deleted_at is null`);
    await db.execute(sql`update mirror_connection_errors set active = false, gone = true, inactive_since = coalesce(inactive_since, ${now}::timestamptz)
      where connection_id = any(${ids}) and not gone`);
  }
}

async function writeErrors(db: Db, write: MirrorWrite, now: string): Promise<void> {
  for (const batch of chunks(write.newErrors)) {
    await db.execute(sql`
      insert into mirror_connection_errors (connection_id, company_id, platform_key, fingerprint, group_id, status_code, status_text, error_message,
        errored_on_utc, errored_at, status, resolved_on_utc, resolved_at, active, gone, first_seen_at, inactive_since)
      select u.connection_id, u.company_id, u.platform_key, u.fingerprint, u.group_id, u.status_code, u.status_text, u.error_message, u.errored_on_utc,
        u.errored_at, u.status, u.resolved_on_utc, u.resolved_at, u.active, false, ${now}::timestamptz, case when u.active then null else ${now}::timestamptz end
      from unnest(${array(batch.map((e) => e.connectionId), 'text')}, ${array(batch.map((e) => e.companyId), 'text')}, ${array(batch.map((e) => e.platformKey), 'text')},
        ${array(batch.map((e) => e.fingerprint), 'text')}, ${array(batch.map((e) => e.groupId), 'text')}, ${array(batch.map((e) => e.statusCode), 'text')},
        ${array(batch.map((e) => e.statusText), 'text')}, ${array(batch.map((e) => e.errorMessage), 'text')}, ${array(batch.map((e) => e.erroredOnUtc), 'text')},
        ${array(batch.map((e) => iso(e.erroredAt)), 'timestamptz')}, ${array(batch.map((e) => e.status), 'text')}, ${array(batch.map((e) => e.resolvedOnUtc), 'text')},
        ${array(batch.map((e) => iso(e.resolvedAt)), 'timestamptz')}, ${array(batch.map((e) => e.active), 'boolean')})
        as u(connection_id, company_id, platform_key, fingerprint, group_id, status_code, status_text, error_message, errored_on_utc, errored_at,
          status, resolved_on_utc, resolved_at, active)
      on conflict (connection_id, fingerprint) do update set status = excluded.status, resolved_on_utc = excluded.resolved_on_utc,
        resolved_at = excluded.resolved_at, active = excluded.active, gone = false, inactive_since = excluded.inactive_since`);
  }
  for (const batch of chunks(write.updatedErrors)) {
    await db.execute(sql`
      update mirror_connection_errors e set status = u.status, resolved_on_utc = coalesce(u.resolved_on_utc, e.resolved_on_utc),
        resolved_at = coalesce(u.resolved_at, e.resolved_at), active = u.active, gone = u.gone,
        inactive_since = case when u.active then null else coalesce(e.inactive_since, ${now}::timestamptz) end
      from unnest(${array(batch.map((e) => e.connectionId), 'text')}, ${array(batch.map((e) => e.fingerprint), 'text')}, ${array(batch.map((e) => e.status), 'text')},
        ${array(batch.map((e) => e.resolvedOnUtc), 'text')}, ${array(batch.map((e) => iso(e.resolvedAt)), 'timestamptz')},
        ${array(batch.map((e) => e.active), 'boolean')}, ${array(batch.map((e) => e.gone), 'boolean')})
        as u(connection_id, fingerprint, status, resolved_on_utc, resolved_at, active, gone)
      where e.connection_id = u.connection_id and e.fingerprint = u.fingerprint`);
  }
}

async function insertChanges(db: Db, write: MirrorWrite, source: 'sync' | 'webhook', now: string): Promise<void> {
  for (const batch of chunks(write.changes)) {
    await db.execute(sql`
      insert into mirror_changes (kind, company_id, connection_id, platform_key, from_status, to_status, occurred_at, seen_at, source, detail)
      select u.kind, u.company_id, u.connection_id, u.platform_key, u.from_status, u.to_status, u.occurred_at, ${now}::timestamptz, ${source}, u.detail::jsonb
      from unnest(${array(batch.map((c) => c.kind), 'text')}, ${array(batch.map((c) => c.companyId), 'text')}, ${array(batch.map((c) => c.connectionId), 'text')},
        ${array(batch.map((c) => c.platformKey), 'text')}, ${array(batch.map((c) => c.fromStatus), 'text')}, ${array(batch.map((c) => c.toStatus), 'text')},
        ${array(batch.map((c) => iso(c.occurredAt)), 'timestamptz')}, ${array(batch.map((c) => (c.detail ? JSON.stringify(c.detail) : null)), 'text')})
        as u(kind, company_id, connection_id, platform_key, from_status, to_status, occurred_at, detail)`);
  }
}

/**
 * Applies a diff's write; call inside a transaction so an observation lands whole or not at all.
 * `digests` (sync pages) are stored with the companies written; other companies written get none.
 */
export async function applyWrite(db: Db, write: MirrorWrite, source: 'sync' | 'webhook', seenAt: Date, digests: ReadonlyMap<string, string> = new Map()): Promise<void> {
  const now = seenAt.toISOString();
  await upsertCompanies(db, write, now, digests);
  await upsertConnections(db, write, now);
  await deleteRecords(db, write, now);
  await writeErrors(db, write, now);
  await insertChanges(db, write, source, now);
  await keepCounts(db, write);
}

/**
 * mirror_companies.linked_connections and mirror_connections.active_errors counted again for the
 * rows the write touched, and written where they differ. A new row is inserted with the count of
 * what the write itself adds (exact unless it came before its company or connection), so a first
 * load writes each row once. The rows are locked before they are counted: on PostgreSQL a webhook
 * and a sync page may write the same company at once, and a count read before the other's commit
 * would miss what it wrote; locked first, the later writer counts after that commit.
 */
async function keepCounts(db: Db, write: MirrorWrite): Promise<void> {
  const connectionIds = new Set([...write.newErrors, ...write.updatedErrors].map((e) => e.connectionId).concat(write.deletedConnectionIds));
  if (connectionIds.size > 0) {
    await recount(db, 'mirror_connections', 'active_errors', sql`(select unnest(${array([...connectionIds], 'text')}))`, (id) =>
      sql`(select count(*)::int from mirror_connection_errors e where e.connection_id = ${id} and e.active)`,
    );
  }
  const companyIds = new Set(write.companies.map((c) => c.id).concat(write.connections.map((c) => c.companyId)));
  if (companyIds.size === 0 && write.deletedConnectionIds.length === 0) return;
  const companies = sql`(select unnest(${array([...companyIds], 'text')}) union select company_id from mirror_connections where id = any(${array(write.deletedConnectionIds, 'text')}))`;
  await recount(db, 'mirror_companies', 'linked_connections', companies, (id) =>
    sql`(select count(*)::int from mirror_connections k where k.company_id = ${id} and k.status = 'Linked' and k.deleted_at is null)`,
  );
}

/** Locks the rows of `table` whose ids `ids` (a subquery) gives, then sets `column` to `count` of each where it differs. */
async function recount(db: Db, table: string, column: string, ids: SQL, count: (id: SQL) => SQL): Promise<void> {
  const [target, counted] = [sql.identifier(table), sql.identifier(column)];
  await db.execute(sql`select 1 from ${target} where id = any(array${ids}) order by id for update`);
  await db.execute(sql`update ${target} t set ${counted} = n.count from (select u.id, ${count(sql`u.id`)} as count from ${ids} as u(id)) n
    where t.id = n.id and t.${counted} <> n.count`);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Digests of companies a sync page changed but did not rewrite (a connection or error changed). */
export async function recordDigests(db: Db, digests: ReadonlyMap<string, string>, written: readonly ObservedCompany[]): Promise<void> {
  const rewritten = new Set(written.map((company) => company.id));
  const rest = [...digests].filter(([id]) => !rewritten.has(id));
  if (rest.length === 0) return;
  await db.execute(sql`update mirror_companies c set sync_digest = u.digest
    from unnest(${array(rest.map(([id]) => id), 'text')}, ${array(rest.map(([, digest]) => digest), 'text')}) as u(id, digest) where c.id = u.id`);
}

/** A write outside a sync page makes the next page diff the companies it touched. */
export async function forgetDigests(db: Db, write: MirrorWrite): Promise<void> {
  const ids = new Set([
    ...write.companies.map((c) => c.id),
    ...write.deletedCompanyIds,
    ...write.connections.map((c) => c.companyId),
    ...write.newErrors.map((e) => e.companyId),
    ...write.changes.map((c) => c.companyId),
  ]);
  if (ids.size === 0) return;
  await db.execute(sql`update mirror_companies set sync_digest = null where id = any(${array([...ids], 'text')}) and sync_digest is not null`);
}
