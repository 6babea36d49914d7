import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { PLATFORM_KEY_PATTERN } from '../codat/platforms.js';
import { rows } from '../mirror/db/sql.js';
import { EVERY_KEY, inRange, type KeyRange } from './key-ranges.js';
import { monthBounds, previousMonth } from './month.js';

/** Connections gone (deleted, or their company deleted) before the month's last snapshot. */
export const GONE = 'Deleted';

/**
 * Month over month, sandbox excluded: `new` connections were not on the previous month's last
 * snapshot; `lost` ones were Linked on it and are not Linked on this month's last snapshot;
 * `relinked` ones went from Deauthorized or Unlinked back to Linked during the month.
 */
export const CHANGE_KINDS = ['new', 'lost', 'relinked'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const changeFilterSchema = z.strictObject({ kind: z.enum(CHANGE_KINDS).optional(), platform: z.string().regex(PLATFORM_KEY_PATTERN).optional() });
export type ChangeFilter = z.infer<typeof changeFilterSchema>;

export const changeRecordSchema = z.object({
  /** The connection id. */
  id: z.string(),
  kind: z.enum(CHANGE_KINDS),
  companyId: z.string(),
  companyName: z.string().nullable(),
  platformKey: z.string().nullable(),
  platformName: z.string().nullable(),
  sourceType: z.string().nullable(),
  /** The status before (the previous month's last snapshot; for relinked, the status it left). */
  fromStatus: z.string().nullable(),
  /** The status on this month's last snapshot (`Deleted` when gone), or Linked for relinked. */
  toStatus: z.string(),
});
export type ChangeRecord = z.infer<typeof changeRecordSchema>;

/** The month's last snapshot day and the previous month's. */
export interface ChangeDays {
  month: string;
  lastDay: string;
  previousLastDay: string | null;
}

const CHANGE_COLUMNS = sql`(kind, connection_id, company_id, platform_key, platform_name, source_type, from_status, to_status)`;

/** Where an export's next batch starts: each set contributes at most its next `limit` rows from `after` on. */
interface BatchWindow {
  after: ChangeCursor | undefined;
  limit: number;
  platform?: string;
}

/**
 * Every change of the month as rows (kind, connection_id, company_id, platform_key, platform_name,
 * source_type, from_status, to_status), of the connections in `range`. With a batch window each
 * set is cut to its next rows in connection-id order, read by key, so a batch does not compute the
 * month's every change.
 */
function changeSets({ month, lastDay, previousLastDay }: ChangeDays, kind?: ChangeKind, window?: BatchWindow, range: KeyRange = EVERY_KEY): SQL {
  const endStatus = (alias: 'm') => sql`case when ${sql.raw(alias)}.last_day = ${lastDay}::date then ${sql.raw(alias)}.last_status else ${GONE} end`;
  const { start, next } = monthBounds(month);
  const sets: Record<ChangeKind, SQL> = {
    new: sql`select 'new' as kind, m.connection_id, m.company_id, m.platform_key, m.platform_name, m.source_type, null::text as from_status, ${endStatus('m')} as to_status
      from mirror_connection_months m where m.month = ${month} and ${inRange(sql`m.connection_id`, range)} and not m.sandbox and m.previous_status is null`,
    lost: sql`select 'lost', p.connection_id, p.company_id, p.platform_key, p.platform_name, p.source_type, 'Linked', coalesce(${endStatus('m')}, ${GONE})
      from mirror_connection_months p
      left join mirror_connection_months m on m.month = ${month} and m.connection_id = p.connection_id and ${inRange(sql`m.connection_id`, range)}
      where p.month = ${previousMonth(month)} and ${inRange(sql`p.connection_id`, range)} and p.last_day = ${previousLastDay}::date and p.last_status = 'Linked' and not p.sandbox
        and (m.connection_id is null or ${endStatus('m')} <> 'Linked')`,
    relinked: sql`select distinct on (ch.connection_id) 'relinked', ch.connection_id, ch.company_id, k.platform_key, k.platform_name, k.source_type, ch.from_status, ch.to_status
      from mirror_changes ch join mirror_connections k on k.id = ch.connection_id
      where ch.kind = 'connection.status' and ch.from_status in ('Deauthorized', 'Unlinked') and ch.to_status = 'Linked'
        and ch.occurred_at >= ${start}::timestamptz and ch.occurred_at < ${next}::timestamptz and ${inRange(sql`ch.connection_id`, range)} and not k.sandbox
      order by ch.connection_id, ch.occurred_at`,
  };
  const chosen = kind ? [kind] : CHANGE_KINDS;
  // A connection can be in two sets (new and relinked), once in each: a set's next `limit` rows after the cursor are among its `limit + 1` from the cursor's id.
  const cut = (set: SQL) =>
    window
      ? sql`select * from (${set}) as x ${CHANGE_COLUMNS} where x.connection_id >= ${window.after?.id ?? ''} ${window.platform ? sql`and x.platform_key = ${window.platform}` : sql``}
          order by x.connection_id limit ${window.limit + 1}`
      : set;
  return sql`(${sql.join(
    chosen.map((k) => sql`(${cut(sets[k])})`),
    sql` union all `,
  )}) as s ${CHANGE_COLUMNS}`;
}

export interface PlatformChangeCount {
  platformKey: string | null;
  platformName: string | null;
  new: number;
  lost: number;
  relinked: number;
}

/** How many connections each kind of change has, per platform: counted in each range of connection ids in turn, one statement each. */
export async function changeCounts(db: Db, days: ChangeDays, ranges: KeyRange[] = [EVERY_KEY]): Promise<PlatformChangeCount[]> {
  const byPlatform = new Map<string, PlatformChangeCount>();
  for (const range of ranges) {
    const counted = await rows<{ kind: ChangeKind; platformKey: string | null; platformName: string | null; connections: number }>(
      db,
      sql`select s.kind, s.platform_key as "platformKey", max(s.platform_name) as "platformName", count(*)::int as connections
          from ${changeSets(days, undefined, undefined, range)} group by s.kind, s.platform_key`,
    );
    for (const row of counted) {
      const key = row.platformKey ?? '';
      let entry = byPlatform.get(key);
      if (!entry) byPlatform.set(key, (entry = { platformKey: row.platformKey, platformName: row.platformName, new: 0, lost: 0, relinked: 0 }));
      entry[row.kind] += row.connections;
    }
  }
  return [...byPlatform.values()].sort((a, b) => (a.platformName ?? '').localeCompare(b.platformName ?? ''));
}

/** Export cursor: a connection can be both new and relinked in one month. */
export type ChangeCursor = Pick<ChangeRecord, 'id' | 'kind'>;

function matching(filter: ChangeFilter, after?: ChangeCursor): SQL {
  const conditions = [sql`true`];
  if (filter.platform) conditions.push(sql`s.platform_key = ${filter.platform}`);
  if (after !== undefined) conditions.push(sql`(s.connection_id, s.kind) > (${after.id}, ${after.kind})`);
  return sql.join(conditions, sql` and `);
}

/**
 * Change rows (`s`) with their company's name. A source already cut to a batch looks each company
 * up by key (`offset 0` keeps the planner from hashing every company instead).
 */
function withCompany(source: SQL, cut: boolean): SQL {
  const company = cut ? sql`lateral (select c.name from mirror_companies c where c.id = s.company_id offset 0) as c on true` : sql`mirror_companies c on c.id = s.company_id`;
  return sql`select s.connection_id as id, s.kind, s.company_id as "companyId", c.name as "companyName", s.platform_key as "platformKey", s.platform_name as "platformName",
      s.source_type as "sourceType", s.from_status as "fromStatus", s.to_status as "toStatus"
    from ${source} left join ${company}`;
}

/** The connections behind a change count, in connection-id order, a page at a time. */
export async function changesPage(db: Db, days: ChangeDays, filter: ChangeFilter, start: number, end: number): Promise<{ records: ChangeRecord[]; total: number }> {
  const source = changeSets(days, filter.kind);
  const [records, [count]] = await Promise.all([
    rows<ChangeRecord>(db, sql`${withCompany(source, false)} where ${matching(filter)} order by s.connection_id, s.kind limit ${end - start + 1} offset ${start}`),
    rows<{ total: number }>(db, sql`select count(*)::int as total from ${source} where ${matching(filter)}`),
  ]);
  return { records, total: count!.total };
}

/** The same after `after` (keyset), for the CSV export. */
export function changesBatch(db: Db, days: ChangeDays, filter: ChangeFilter, after: ChangeCursor | undefined, limit: number): Promise<ChangeRecord[]> {
  const sets = changeSets(days, filter.kind, { after, limit, platform: filter.platform });
  const batch = sql`(select * from ${sets} where ${matching(filter, after)} order by s.connection_id, s.kind limit ${limit}) as s`;
  return rows<ChangeRecord>(db, sql`${withCompany(batch, true)} order by s.connection_id, s.kind`);
}
