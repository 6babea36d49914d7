import { sql, type SQL } from 'drizzle-orm';
import { summaryPieces } from '../../db/background-holds.js';
import type { Db } from '../../db/database.js';
import { array, rows, rowsInPieces } from '../../mirror/db/sql.js';
import { utcDay, DAY_MS } from '../../mirror/settings.js';
import type { AffectedCompany } from './schemas.js';

export const TREND_DAYS = 30;

export interface GroupRow {
  id: string;
  platformKey: string | null;
  platformName: string | null;
  statusCode: string | null;
  statusText: string | null;
  sampleMessage: string | null;
  connections: number;
  companies: number;
  firstSeenMs: number | null;
  lastSeenMs: number | null;
}

/**
 * Error groups: counts over active errors (of live connections), first and last seen over every
 * error the mirror keeps. Only groups with an active error, unless `ids` asks for others. All the
 * groups are found in summaryPieces statements, by the hash of their ids: in one, at 100,000
 * companies, it held embedded PGlite for 0.15–0.46 s.
 */
export function errorGroups(db: Db, ids?: readonly string[]): Promise<GroupRow[]> {
  if (ids) return rows<GroupRow>(db, groupsWhere(sql`e.group_id = any(${array(ids, 'text')})`, sql``));
  return rowsInPieces<GroupRow>(db, summaryPieces(db), (inPiece) => groupsWhere(inPiece(sql`e.group_id`), sql`having bool_or(e.active)`));
}

function groupsWhere(where: SQL, having: SQL): SQL {
  const when = sql`coalesce(e.errored_at, e.first_seen_at)`;
  // The platform's name is read from one connection per group, after grouping: joining every
  // error to its connection first costs more than the grouping itself.
  return sql`select g.id, g."platformKey", (select k.platform_name from mirror_connections k where k.id = g."someConnectionId") as "platformName",
          g."statusCode", g."statusText", g."sampleMessage", g.connections, g.companies, g."firstSeenMs", g."lastSeenMs"
        from (select e.group_id as id, e.platform_key as "platformKey", max(e.connection_id) as "someConnectionId",
            e.status_code as "statusCode", e.status_text as "statusText",
            (array_agg(e.error_message order by e.errored_at desc nulls last))[1] as "sampleMessage",
            (count(distinct e.connection_id) filter (where e.active))::int as connections,
            (count(distinct e.company_id) filter (where e.active))::int as companies,
            (extract(epoch from min(${when})) * 1000)::float8 as "firstSeenMs",
            (extract(epoch from max(${when})) * 1000)::float8 as "lastSeenMs"
          from mirror_connection_errors e
          where ${where}
          group by e.group_id, e.platform_key, e.status_code, e.status_text
          ${having}) as g`;
}

export interface GroupStats {
  recentCompanies: number;
  baselineCompanyDays: number;
}

/** For the incident rule: companies in the last 24 h, and (company, day) pairs in the 29 days before. */
export async function groupStats(db: Db, now: number): Promise<Map<string, GroupStats>> {
  const dayAgo = new Date(now - DAY_MS).toISOString();
  const found = await rows<GroupStats & { id: string }>(
    db,
    sql`select group_id as id,
          (count(distinct company_id) filter (where errored_at >= ${dayAgo}::timestamptz))::int as "recentCompanies",
          (count(distinct (company_id, floor(extract(epoch from (${new Date(now).toISOString()}::timestamptz - errored_at)) / 86400)))
            filter (where errored_at < ${dayAgo}::timestamptz))::int as "baselineCompanyDays"
        from mirror_connection_errors
        where errored_at >= ${new Date(now - TREND_DAYS * DAY_MS).toISOString()}::timestamptz
        group by group_id`,
  );
  return new Map(found.map(({ id, ...stats }) => [id, stats]));
}

export interface TrendDay {
  date: string;
  errors: number;
  companies: number;
}

/**
 * Errors per UTC day over the last 30 days (today included), oldest first: of the groups `ids`
 * names, or of every group. The lookup zero-fills any group and day without errors.
 */
export async function groupTrends(db: Db, now: number, ids?: readonly string[]): Promise<(id: string) => TrendDay[]> {
  const days = Array.from({ length: TREND_DAYS }, (_, i) => utcDay(new Date(now - (TREND_DAYS - 1 - i) * DAY_MS)));
  const found = await rows<TrendDay & { id: string }>(
    db,
    sql`select group_id as id, to_char(errored_at at time zone 'UTC', 'YYYY-MM-DD') as date, count(*)::int as errors,
          count(distinct company_id)::int as companies
        from mirror_connection_errors
        where ${ids ? sql`group_id = any(${array(ids, 'text')})` : sql`true`} and errored_at >= ${`${days[0]}T00:00:00Z`}::timestamptz
        group by 1, 2`,
  );
  const byGroup = new Map<string, Map<string, TrendDay>>();
  for (const { id, ...day } of found) {
    if (!byGroup.has(id)) byGroup.set(id, new Map());
    byGroup.get(id)!.set(day.date, day);
  }
  return (id) => days.map((date) => byGroup.get(id)?.get(date) ?? { date, errors: 0, companies: 0 });
}

export type AffectedRow = AffectedCompany & { errorId: number };

/** Connections with an active error of the group, in a stable order (keyset on the error's row id). */
export async function affectedConnections(db: Db, groupId: string, afterErrorId: number | undefined, limit: number): Promise<AffectedRow[]> {
  return rows<AffectedRow>(
    db,
    sql`select e.id::float8 as "errorId", e.company_id as "companyId", c.name as "companyName", c.merchant_id as "merchantId",
          e.connection_id as "connectionId", k.status as "connectionStatus", e.errored_on_utc as "erroredOnUtc", e.error_message as "errorMessage"
        from mirror_connection_errors e
        left join mirror_companies c on c.id = e.company_id
        left join mirror_connections k on k.id = e.connection_id
        where e.group_id = ${groupId} and e.active and e.id > ${afterErrorId ?? 0}
        order by e.id limit ${limit}`,
  );
}

export async function countAffected(db: Db, groupId: string): Promise<number> {
  const [row] = await rows<{ total: number }>(db, sql`select count(*)::int as total from mirror_connection_errors where group_id = ${groupId} and active`);
  return row!.total;
}
