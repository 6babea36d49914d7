import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { array, rows } from '../db/sql.js';
import type { ChangeKind } from '../model.js';
import type { TimelineEntry, TimelineFilter } from './schemas.js';

interface ChangeRow {
  id: number;
  kind: ChangeKind;
  occurredMs: number;
  seenMs: number;
  source: string;
  connectionId: string | null;
  platformKey: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  detail: Record<string, unknown> | null;
}

const FLAGS = ['existedBeforeMirror', 'vanished', 'withCompany', 'reappeared', 'reopened'];
const text = (value: unknown) => (typeof value === 'string' ? value : null);

export function toTimelineEntry({ occurredMs, seenMs, detail, ...row }: ChangeRow): TimelineEntry {
  return {
    ...row,
    occurredAt: new Date(occurredMs).toISOString(),
    seenAt: new Date(seenMs).toISOString(),
    statusCode: text(detail?.statusCode),
    statusText: text(detail?.statusText),
    errorMessage: text(detail?.errorMessage),
    errorGroupId: text(detail?.groupId),
    flags: FLAGS.filter((flag) => detail?.[flag] === true),
  };
}

function where(companyId: string, filter: TimelineFilter): SQL {
  const parts = [sql`company_id = ${companyId}`];
  if (filter.connectionId) parts.push(sql`connection_id = ${filter.connectionId}`);
  if (filter.kind) parts.push(sql`kind = any(${array([filter.kind].flat(), 'text')})`);
  return sql.join(parts, sql` and `);
}

const COLUMNS = sql.raw(`id::float8 as id, kind, (extract(epoch from occurred_at) * 1000)::float8 as "occurredMs",
  (extract(epoch from seen_at) * 1000)::float8 as "seenMs", source, connection_id as "connectionId", platform_key as "platformKey",
  from_status as "fromStatus", to_status as "toStatus", detail`);

/** A page of the company's history, newest first. */
export async function timelinePage(db: Db, companyId: string, filter: TimelineFilter, start: number, end: number) {
  const condition = where(companyId, filter);
  const [found, [count]] = await Promise.all([
    rows<ChangeRow>(db, sql`select ${COLUMNS} from mirror_changes where ${condition} order by occurred_at desc, id desc limit ${end - start + 1} offset ${start}`),
    rows<{ total: number }>(db, sql`select count(*)::int as total from mirror_changes where ${condition}`),
  ]);
  return { entries: found.map(toTimelineEntry), total: count!.total };
}

/** The whole history in batches, oldest first (keyset on the row id), for the CSV export. */
export async function timelineBatch(db: Db, companyId: string, afterId: number | undefined, limit: number): Promise<TimelineEntry[]> {
  const found = await rows<ChangeRow>(
    db,
    sql`select ${COLUMNS} from mirror_changes where company_id = ${companyId} and id > ${afterId ?? 0} order by id limit ${limit}`,
  );
  return found.map(toTimelineEntry);
}

export async function timelineCompany(db: Db, companyId: string) {
  const [company] = await rows<{ name: string; deleted: boolean }>(
    db,
    sql`select name, deleted_at is not null as deleted from mirror_companies where id = ${companyId}`,
  );
  const connections = await rows<{ id: string; platformKey: string | null; platformName: string; sourceType: string; status: string; deleted: boolean; firstSeenMs: number; statusChangedMs: number }>(
    db,
    sql`select id, platform_key as "platformKey", platform_name as "platformName", source_type as "sourceType", status,
          deleted_at is not null as deleted, (extract(epoch from first_seen_at) * 1000)::float8 as "firstSeenMs",
          (extract(epoch from status_changed_at) * 1000)::float8 as "statusChangedMs"
        from mirror_connections where company_id = ${companyId} order by created_at nulls last, id`,
  );
  return {
    company,
    connections: connections.map(({ firstSeenMs, statusChangedMs, ...connection }) => ({
      ...connection,
      firstSeenAt: new Date(firstSeenMs).toISOString(),
      statusChangedAt: new Date(statusChangedMs).toISOString(),
    })),
  };
}
