import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { changeSeqThrough } from '../mirror/db/month-rows.js';
import { array, inHashPiece, LARGE_WORK_MEM, rows, withLargeWorkMem } from '../mirror/db/sql.js';
import { DUPLICATE_KINDS, type DuplicateCompany, type DuplicateKind, type DuplicateRecord } from './schemas.js';

/**
 * The column a kind's groups are found by (a scoped refresh and a piece of the fleet pick groups by
 * it), and the same value read from a kept group.
 */
const GROUPED_BY: Record<DuplicateKind, { column: SQL; ofKept: SQL }> = {
  merchantId: { column: sql`merchant_id`, ofKept: sql`g.key` },
  sameName: { column: sql`name_normalised`, ofKept: sql`g.key` },
  samePlatform: { column: sql`company_id`, ofKept: sql`g.company_ids[1]` },
};

/**
 * Companies that may be one customer twice (the same merchant-id tag, or the same name once
 * normalised as in resources/companies/name-similarity.ts), and companies with several
 * connections to one platform: each a possible extra cost finance can question. Each kind's
 * statement reads the rows `inScope` allows.
 */
const groupsOf = (inScope: (kind: DuplicateKind) => SQL): Record<DuplicateKind, SQL> => ({
  merchantId: sql`select 'merchantId' as reason, merchant_id as key, array_agg(id order by created_at nulls last, id) as company_ids
    from mirror_companies where deleted_at is null and merchant_id is not null and ${inScope('merchantId')}
    group by merchant_id having count(*) > 1`,
  sameName: sql`select 'sameName' as reason, name_normalised as key, array_agg(id order by created_at nulls last, id) as company_ids
    from mirror_companies where deleted_at is null and name_normalised <> '' and ${inScope('sameName')}
    group by name_normalised having count(*) > 1`,
  samePlatform: sql`select 'samePlatform' as reason, company_id || ':' || platform_key as key, array[company_id] as company_ids
    from mirror_connections where deleted_at is null and platform_key is not null and ${inScope('samePlatform')}
    group by company_id, platform_key having count(*) > 1`,
});

/** The groups a scoped refresh finds again: the keys of `duplicate_scope`, and the same-platform groups of `duplicate_platform_companies`. */
const inRefreshScope = (kind: DuplicateKind) =>
  kind === 'samePlatform'
    ? sql`company_id in (select id from duplicate_platform_companies)`
    : sql`${GROUPED_BY[kind].column} in (select key from duplicate_scope where reason = ${kind})`;

/**
 * Keeps the groups `fresh` finds: deletes the kept groups `keptInReach` selects (a condition on `g`)
 * that it no longer finds, and writes the new and changed ones; answers how many it found.
 */
const keepGroups = (ctes: SQL, fresh: SQL, keptInReach: SQL) => sql`with ${ctes} fresh as materialized (${fresh}),
  gone as (delete from mirror_duplicate_groups g where ${keptInReach} and not exists (select 1 from fresh f where f.reason = g.reason and f.key = g.key)),
  upserted as (insert into mirror_duplicate_groups (reason, key, company_ids) select reason, key, company_ids from fresh
    on conflict (reason, key) do update set company_ids = excluded.company_ids
    where mirror_duplicate_groups.company_ids <> excluded.company_ids)
  select count(*)::int as groups from fresh`;

/** What the groups were last found as of: a snapshot's time and change number (see takeDailySnapshot). */
export interface DuplicatesAsOf {
  takenAt: Date;
  changeSeq: number;
}

/**
 * Finds the groups again and keeps them in mirror_duplicate_groups, with each daily snapshot a
 * sync takes or replaces (in its transaction: call inside one): the grouping reads every company
 * and connection (0.6–0.8 s at 100,000 companies on PGlite), too slow to repeat for every page
 * and every batch of an export. Given `since` (the snapshot they were last found as of), only the
 * groups a change since could touch are found again: those of the companies created, deleted or
 * renamed since (their keys now, and the groups they were in), and the same-platform groups of
 * the companies whose connections changed. Only groups that changed are written (the delete and
 * the upsert touch disjoint rows), so a quiet fleet writes nothing.
 */
export async function refreshDuplicateGroups(tx: Db, since?: DuplicatesAsOf): Promise<number> {
  await tx.execute(LARGE_WORK_MEM);
  const scope = since
    ? sql`touched as materialized (select id, merchant_id, name_normalised from mirror_companies where reshaped_at >= ${since.takenAt.toISOString()}::timestamptz),
      duplicate_platform_companies as materialized (select distinct company_id as id from mirror_connections where change_seq > ${since.changeSeq}),
      duplicate_scope as materialized (
        select 'merchantId' as reason, merchant_id as key from touched where merchant_id is not null
        union select 'sameName', name_normalised from touched where name_normalised <> ''
        union select reason, key from mirror_duplicate_groups where reason <> 'samePlatform' and company_ids && array(select id from touched)
        union select reason, key from mirror_duplicate_groups where reason = 'samePlatform' and company_ids[1] in (select id from duplicate_platform_companies)),`
    : sql``;
  const fresh = since ? groupsOf(inRefreshScope) : groupsOf(() => sql`true`);
  const [result] = await rows<{ groups: number }>(
    tx,
    keepGroups(scope, sql.join(DUPLICATE_KINDS.map((kind) => fresh[kind]), sql` union all `), since ? sql`(g.reason, g.key) in (select reason, key from duplicate_scope)` : sql`true`),
  );
  if (!since) return result!.groups;
  // The statement's own writes are not visible to it: the groups kept, counted once it is done.
  const [kept] = await rows<{ groups: number }>(tx, sql`select count(*)::int as groups from mirror_duplicate_groups`);
  return kept!.groups;
}

/** A fleet-wide grouping is found in this many pieces per kind (a power of two). */
const FLEET_PIECES = 16;

/**
 * Every group found and kept the way refreshDuplicateGroups finds them without `since`, but one
 * statement per kind and sixteenth of the fleet (its rows chosen by a hash of the column groups are
 * found by), each in its own short transaction, with `between` awaited before each: in one
 * statement the first load's grouping held embedded PGlite for 0.8 s at 100,000 companies, in
 * eighths 0.10–0.18 s a piece, in sixteenths 0.10–0.15 s (reading the table is much of a piece's
 * cost). Answers what they are found as of (`at`, the pass's time by the clock its writes are
 * stamped with), for the snapshot's refresh to find again what changed meanwhile.
 */
export async function findDuplicateGroupsInPieces(db: Db, at: Date, between: () => Promise<void>): Promise<DuplicatesAsOf> {
  const asOf = { takenAt: at, changeSeq: await changeSeqThrough(db) };
  for (const kind of DUPLICATE_KINDS) {
    for (let piece = 0; piece < FLEET_PIECES; piece += 1) {
      const inPiece = (value: SQL) => inHashPiece(value, piece, FLEET_PIECES);
      await between();
      await withLargeWorkMem(db, (tx) =>
        tx.execute(keepGroups(sql``, groupsOf((of) => inPiece(GROUPED_BY[of].column))[kind], sql`g.reason = ${kind} and ${inPiece(GROUPED_BY[kind].ofKept)}`)),
      );
    }
  }
  return asOf;
}

interface GroupRow {
  reason: DuplicateKind;
  key: string;
  companyIds: string[];
}

const GROUP_COLUMNS = sql`reason, key, company_ids as "companyIds"`;
const ofReason = (reason: DuplicateKind | undefined) => (reason ? sql`reason = ${reason}` : sql`true`);

function explain(group: GroupRow, connections: number): string {
  const count = group.companyIds.length;
  if (group.reason === 'merchantId') return `${count} companies share merchant id ${group.key}.`;
  if (group.reason === 'sameName') return `${count} companies have the same name once case, punctuation and legal suffixes are ignored ("${group.key}").`;
  return `One company has ${connections} connections to ${group.key.split(':')[1]}.`;
}

async function toRecords(db: Db, groups: GroupRow[]): Promise<DuplicateRecord[]> {
  const ids = [...new Set(groups.flatMap((group) => group.companyIds))];
  const [companies, connections] = await Promise.all([
    rows<DuplicateCompany>(
      db,
      // Per company (lateral), so each reads its own connections by index: as a join, the planner
      // reads every connection for an export batch's thousands of companies.
      sql`select c.id, c.name, c.merchant_id as "merchantId", c.created, k.connections, k."linkedConnections", k.platforms
          from mirror_companies c
          cross join lateral (select count(*)::int as connections, (count(*) filter (where status = 'Linked'))::int as "linkedConnections",
              coalesce(array_remove(array_agg(distinct platform_key), null), '{}') as platforms
            from mirror_connections where company_id = c.id and deleted_at is null) as k
          where c.id = any(${array(ids, 'text')})`,
    ),
    rows<{ id: string; companyId: string; platformKey: string; status: string; created: string | null }>(
      db,
      sql`select id, company_id as "companyId", platform_key as "platformKey", status, created from mirror_connections
          where company_id = any(${array(groups.filter((g) => g.reason === 'samePlatform').flatMap((g) => g.companyIds), 'text')})
            and deleted_at is null order by created_at nulls last, id`,
    ),
  ]);
  const byId = new Map(companies.map((company) => [company.id, company]));
  return groups.map((group) => {
    const [companyId, platformKey] = group.reason === 'samePlatform' ? group.key.split(':') : [];
    const own = connections
      .filter((connection) => connection.companyId === companyId && connection.platformKey === platformKey)
      .map(({ id, status, created }) => ({ id, status, created }));
    return {
      id: `${group.reason}:${group.key}`,
      reason: group.reason,
      key: group.key,
      explanation: explain(group, own.length),
      companies: group.companyIds.map((id) => byId.get(id)).filter((company): company is DuplicateCompany => company !== undefined),
      connections: own,
    };
  });
}

export async function duplicatesPage(db: Db, reason: DuplicateKind | undefined, start: number, end: number): Promise<{ records: DuplicateRecord[]; total: number }> {
  const [groups, [count]] = await Promise.all([
    rows<GroupRow>(db, sql`select ${GROUP_COLUMNS} from mirror_duplicate_groups where ${ofReason(reason)} order by reason, key limit ${end - start + 1} offset ${start}`),
    rows<{ total: number }>(db, sql`select count(*)::int as total from mirror_duplicate_groups where ${ofReason(reason)}`),
  ]);
  return { records: await toRecords(db, groups), total: count!.total };
}

/** Keyset on (reason, key), for the CSV export. */
export async function duplicatesBatch(db: Db, reason: DuplicateKind | undefined, after: { reason: string; key: string } | undefined, limit: number) {
  const next = after ? sql`(reason, key) > (${after.reason}, ${after.key})` : sql`true`;
  return toRecords(db, await rows<GroupRow>(db, sql`select ${GROUP_COLUMNS} from mirror_duplicate_groups where ${ofReason(reason)} and ${next} order by reason, key limit ${limit}`));
}
