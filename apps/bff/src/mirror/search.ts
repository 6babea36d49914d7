import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { BffDeps } from '../deps.js';
import type { CompanyFilter, CompanyRecord, CompanySortField } from '../resources/companies/schemas.js';
import { isUuid } from '../codat/safe-query.js';
import { isBankFeedPlatform } from '../codat/platforms.js';
import { array, rows } from './db/sql.js';
import { changesVersion, mirrorRefreshedAt } from './freshness.js';

export interface MirrorSearch {
  /** Name, description, merchant id, company id or connection id; any text (it never reaches Codat). */
  q?: string;
  status?: CompanyFilter['status'];
  platform?: string;
  sort?: { field: CompanySortField; order: 'ASC' | 'DESC' };
  /** Zero-based and inclusive, as react-admin sends them. */
  start: number;
  end: number;
}

/** A filtered list counts its matches up to here; past it the total says "this many or more". */
export const MIRROR_COUNT_LIMIT = 1000;

export interface MirrorSearchResult {
  records: CompanyRecord[];
  /** Exact without filters; at most MIRROR_COUNT_LIMIT with them (see `capped`). */
  total: number;
  /** More than MIRROR_COUNT_LIMIT matched (for `X-Search-Capped`, as the Codat-backed search sets it). */
  capped: boolean;
  /** For the `X-Mirror-Refreshed-At` header (see freshness.ts). */
  refreshedAt: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

const SORT_COLUMN: Record<CompanySortField, SQL> = {
  id: sql`c.id`,
  name: sql`lower(c.name)`,
  created: sql`c.created_at`,
  lastSync: sql`c.last_sync_at`,
};

/** The companies list's filter as a condition on live mirror companies (`c`): the list, its bulk jobs and exports share it. */
export function companyConditions({ q, status, platform }: Pick<MirrorSearch, 'q' | 'status' | 'platform'>): SQL {
  const parts: SQL[] = [sql`c.deleted_at is null`];
  const live = sql`k.company_id = c.id and k.deleted_at is null`;
  const text = q?.trim().toLowerCase();
  if (text) {
    // search_text holds the lower-cased name, description, merchant id and id (trigram-indexed).
    const matches = sql`c.search_text like ${`%${escapeLike(text)}%`} escape '\\'`;
    // A connection id matches its company; written so both sides can use an index.
    parts.push(
      isUuid(text)
        ? sql`(${matches} or c.id = any(array(select k.company_id from mirror_connections k where k.id = ${text} and k.deleted_at is null)))`
        : matches,
    );
  }
  if (status === 'NoConnections') parts.push(sql`not exists (select 1 from mirror_connections k where ${live})`);
  else if (status) parts.push(sql`exists (select 1 from mirror_connections k where ${live} and k.status = ${status})`);
  if (platform) parts.push(sql`exists (select 1 from mirror_connections k where ${live} and k.platform_key = ${platform})`);
  return sql.join(parts, sql` and `);
}

interface CompanyRow {
  id: string;
  name: string;
  description: string | null;
  tags: Record<string, string>;
  created: string | null;
  lastSync: string | null;
}

interface ConnectionRow {
  companyId: string;
  connectionId: string;
  key: string | null;
  name: string;
  status: string;
  sourceType: string;
  activeErrors: number;
}

/** The companies page as CompanyRecords (see resources/companies/to-record.ts), from the mirror. */
async function toRecords(db: Db, merchantIdTag: string, companies: CompanyRow[]): Promise<CompanyRecord[]> {
  const connections = await rows<ConnectionRow>(
    db,
    sql`select k.company_id as "companyId", k.id as "connectionId", k.platform_key as key, k.platform_name as name, k.status,
          k.source_type as "sourceType",
          (select count(*)::int from mirror_connection_errors e where e.connection_id = k.id and e.status = 'Active' and not e.gone) as "activeErrors"
        from mirror_connections k
        where k.company_id = any(${array(companies.map((company) => company.id), 'text')}) and k.deleted_at is null
        order by k.created_at nulls last, k.id`,
  );
  return companies.map((company) => {
    const own = connections.filter((connection) => connection.companyId === company.id);
    return {
      id: company.id,
      name: company.name,
      description: company.description,
      merchantId: company.tags[merchantIdTag] ?? null,
      tags: company.tags,
      created: company.created,
      lastSync: company.lastSync,
      redirectAvailable: true,
      platforms: own.map(({ connectionId, key, name, status, sourceType }) => ({
        connectionId,
        key,
        name,
        status,
        sourceType,
        bankFeed: isBankFeedPlatform(key),
      })),
      connectionCount: own.length,
      activeErrorCount: own.reduce((sum, connection) => sum + connection.activeErrors, 0),
    };
  });
}

const counted = new WeakMap<Db, { version: number; total: Promise<number> }>();

/**
 * How many companies the mirror holds, counted again only once it has recorded a change (a
 * company comes or goes only with one): counting 100,000 rows takes longer than the rest of the
 * list's request, on embedded PGlite several times longer.
 */
async function liveCompanies(db: Db, where: SQL): Promise<number> {
  const version = await changesVersion(db);
  const hit = counted.get(db);
  if (hit?.version === version) return hit.total;
  const entry = { version, total: rows<{ total: number }>(db, sql`select count(*)::int as total from mirror_companies c where ${where}`).then(([row]) => row!.total) };
  counted.set(db, entry);
  entry.total.catch(() => counted.get(db) === entry && counted.delete(db));
  return entry.total;
}

/**
 * The companies list from the mirror: search, status and platform filters, sort and paging in
 * SQL, records shaped like the Codat-backed ones. Undefined until the mirror has completed a
 * sync, so the caller falls back to Codat.
 */
export async function searchMirror(deps: Pick<BffDeps, 'db' | 'settings'>, search: MirrorSearch): Promise<MirrorSearchResult | undefined> {
  const refreshedAt = await mirrorRefreshedAt(deps.db);
  if (!refreshedAt) return undefined;
  const where = companyConditions(search);
  const filtered = Boolean(search.q?.trim() || search.status || search.platform);
  // Counting every match of a broad filter costs more than the page itself: stop past the limit.
  const total = filtered
    ? (await rows<{ total: number }>(deps.db, sql`select count(*)::int as total from (select 1 from mirror_companies c where ${where} limit ${MIRROR_COUNT_LIMIT + 1}) as matches`))[0]!.total
    : await liveCompanies(deps.db, where);
  const capped = filtered && total > MIRROR_COUNT_LIMIT;
  // Past the cap there is nothing to page to: the rows stay within the total Content-Range states.
  const within = capped ? { ...search, end: Math.min(search.end, MIRROR_COUNT_LIMIT - 1) } : search;
  const page = within.start > within.end ? [] : await rows<CompanyRow>(deps.db, pageQuery(within, where, filtered && !capped));
  return {
    records: await toRecords(deps.db, deps.settings.merchantIdTag, page),
    total: capped ? MIRROR_COUNT_LIMIT : total,
    capped,
    refreshedAt,
  };
}

/**
 * One company from the mirror, for a header shown before Codat answers. Undefined before the first
 * completed sync, or when the mirror does not hold the company (or holds it as deleted).
 */
export async function mirrorCompany(deps: Pick<BffDeps, 'db' | 'settings'>, id: string): Promise<{ record: CompanyRecord; refreshedAt: string } | undefined> {
  const refreshedAt = await mirrorRefreshedAt(deps.db);
  if (!refreshedAt) return undefined;
  const found = await rows<CompanyRow>(
    deps.db,
    sql`select c.id, c.name, c.description, c.tags, c.created, c.last_sync as "lastSync" from mirror_companies c where c.id = ${id} and c.deleted_at is null`,
  );
  if (found.length === 0) return undefined;
  const [record] = await toRecords(deps.db, deps.settings.merchantIdTag, found);
  return { record: record!, refreshedAt };
}

/**
 * The requested page. With few matches (`selective`) they are found first and then sorted: left
 * to itself the planner may walk the whole sort index looking for a rare name. With many, the
 * sort index finds a page of them at once.
 */
function pageQuery(search: MirrorSearch, where: SQL, selective: boolean): SQL {
  const { field, order } = search.sort ?? { field: 'name', order: 'ASC' };
  const direction = sql.raw(order === 'DESC' ? 'desc' : 'asc');
  const source = selective
    ? sql`(with matches as materialized (select * from mirror_companies c where ${where}) select * from matches) as c`
    : sql`mirror_companies c where ${where}`;
  return sql`select c.id, c.name, c.description, c.tags, c.created, c.last_sync as "lastSync" from ${source}
    order by ${SORT_COLUMN[field]} ${direction} nulls last, c.id ${direction}
    limit ${search.end - search.start + 1} offset ${search.start}`;
}
