import type { Db } from '../../db/database.js';
import { sortRecords } from '../../codat/sort-records.js';
import { notesFor } from '../notes/queries.js';
import { INCIDENT_BASELINE_DAYS, isProbableIncident } from './incident.js';
import { mirrorActivity, mirrorRefreshedAt } from '../../mirror/freshness.js';
import { affectedConnections, countAffected, errorGroups, groupStats, groupTrends, type GroupRow, type GroupStats, type TrendDay } from './queries.js';
import type { ErrorGroupFilter, ErrorGroupRecord, ErrorGroupSortField } from './schemas.js';

/** getOne lists this many affected connections; the CSV export has every one. */
export const AFFECTED_SHOWN = 500;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type Summary = Omit<ErrorGroupRecord, 'trend' | 'notes'>;
type ErrorGroupSort = { field: ErrorGroupSortField; order: 'ASC' | 'DESC' };

function summarise(row: GroupRow, stats: GroupStats | undefined): Summary {
  const { firstSeenMs, lastSeenMs, ...group } = row;
  const recentCompanies = stats?.recentCompanies ?? 0;
  const baselineCompanyDays = stats?.baselineCompanyDays ?? 0;
  return {
    ...group,
    firstSeen: iso(firstSeenMs),
    lastSeen: iso(lastSeenMs),
    recentCompanies,
    baselineCompaniesPerDay: Math.round((baselineCompanyDays / INCIDENT_BASELINE_DAYS) * 100) / 100,
    probableIncident: isProbableIncident(recentCompanies, baselineCompanyDays),
  };
}

const within = (at: string | null, from?: string, to?: string) =>
  (!from && !to) || (at !== null && (!from || Date.parse(at) >= Date.parse(from)) && (!to || Date.parse(at) <= Date.parse(to)));

function matches(group: Summary, filter: ErrorGroupFilter): boolean {
  const text = filter.q?.trim().toLowerCase();
  if (!within(group.firstSeen, filter.firstSeenFrom, filter.firstSeenTo) || !within(group.lastSeen, filter.lastSeenFrom, filter.lastSeenTo)) return false;
  if (filter.platform && group.platformKey !== filter.platform) return false;
  if (filter.statusCode && group.statusCode !== filter.statusCode) return false;
  if (filter.probableIncident !== undefined && group.probableIncident !== filter.probableIncident) return false;
  if (filter.id && ![filter.id].flat().includes(group.id)) return false;
  return !text || `${group.statusText ?? ''} ${group.sampleMessage ?? ''}`.toLowerCase().includes(text);
}

const COUNTS: Partial<Record<ErrorGroupSortField, (group: Summary) => number>> = {
  companies: (group) => group.companies,
  connections: (group) => group.connections,
  recentCompanies: (group) => group.recentCompanies,
  trend: (group) => group.recentCompanies - group.baselineCompaniesPerDay,
};

function sortGroups(groups: Summary[], sort: ErrorGroupSort): Summary[] {
  const count = COUNTS[sort.field];
  if (count) {
    const direction = sort.order === 'ASC' ? 1 : -1;
    return [...groups].sort((a, b) => (count(a) - count(b)) * direction || a.id.localeCompare(b.id));
  }
  const field = sort.field as 'id' | 'lastSeen' | 'firstSeen' | 'platformKey' | 'statusCode';
  return sortRecords(groups, (group) => group[field], field.endsWith('Seen') ? 'date' : 'text', sort.order);
}

/** Groups as summarised, with the trend of each. */
interface Summarised {
  groups: Summary[];
  trendOf: (id: string) => TrendDay[];
}

function withNotes(db: Db, { groups, trendOf }: Summarised): Promise<ErrorGroupRecord[]> {
  return notesFor(db, 'error-group', groups.map((group) => group.id)).then((notes) =>
    groups.map((group) => ({ ...group, trend: trendOf(group.id), notes: notes.get(group.id) ?? [] })),
  );
}

export async function withTrendsAndNotes(db: Db, now: number, groups: Summary[]): Promise<ErrorGroupRecord[]> {
  return withNotes(db, { groups, trendOf: await groupTrends(db, now, groups.map((group) => group.id)) });
}

/** `ids`' groups, or every group with an active error (and the trends of every group). */
async function summariseGroups(db: Db, now: number, ids?: readonly string[]): Promise<Summarised> {
  const [groups, stats, trendOf] = await Promise.all([errorGroups(db, ids), groupStats(db, now), groupTrends(db, now, ids)]);
  return { groups: groups.map((row) => summarise(row, stats.get(row.id))), trendOf };
}

/** How long the groups stay summarised while no error changes: their 24-hour and 30-day windows move with the clock. */
const SUMMARY_TTL_MS = 60_000;
/** While a sync writes, how old (in wall-clock time) the last summary may be and still answer. */
const CATCH_UP_MS = 3_000;

interface Taken extends Summarised {
  version: number;
  /** By the console's clock, for the TTL. */
  atMs: number;
  /** performance.now() when it was taken, for CATCH_UP_MS. */
  tookAt: number;
  /** The mirror's freshness (mirrorRefreshedAt) when it was taken. */
  refreshedAt: string | null;
}
interface Summaries {
  taken?: Taken;
  next?: { version: number; done: Promise<Taken> };
}
const summaries = new WeakMap<Db, Summaries>();

/** Summarises the active groups at `version`, unless that is under way; the newest result is kept. */
function take(db: Db, now: number, version: number, refreshedAt: string | null): Promise<Taken> {
  let cache = summaries.get(db);
  if (!cache) summaries.set(db, (cache = {}));
  if (cache.next?.version === version) return cache.next.done;
  const tookAt = performance.now();
  const next = { version, done: summariseGroups(db, now).then((summary) => ({ ...summary, version, atMs: now, tookAt, refreshedAt })) };
  cache.next = next;
  next.done.then(
    (taken) => {
      if ((cache.taken?.version ?? -1) <= version) cache.taken = taken;
    },
    () => undefined,
  ).finally(() => cache.next === next && delete cache.next);
  return next.done;
}

/**
 * Every group with an active error, summarised once per change of the fleet's errors (or minute):
 * grouping every error the mirror keeps costs more than the rest of a page, and the list, its
 * filters and the dashboard ask for it on every request. Two exceptions, where the last summary
 * answers while the next is taken and no request waits for it:
 *   - only the minute is up (no error changed);
 *   - a sync is writing (errors change with every page, and each request would group them all
 *     again), the last summary is under CATCH_UP_MS old and no pass has completed since it was
 *     taken: what the answer's X-Mirror-Refreshed-At says still holds of it.
 */
async function activeSummaries(db: Db, now: number): Promise<Summarised> {
  const [{ version, syncing }, refreshedAt] = await Promise.all([mirrorActivity(db), mirrorRefreshedAt(db)]);
  const cache = summaries.get(db);
  const taken = cache?.taken;
  const background = () => void take(db, now, version, refreshedAt).catch(() => undefined);
  if (taken?.version === version) {
    if (Math.abs(now - taken.atMs) >= SUMMARY_TTL_MS) background();
    return taken;
  }
  if (taken && syncing && performance.now() - taken.tookAt < CATCH_UP_MS && taken.refreshedAt === refreshedAt) {
    if (!cache.next) background();
    return taken;
  }
  return take(db, now, version, refreshedAt);
}

async function matching(db: Db, now: number, filter: ErrorGroupFilter, sort: ErrorGroupSort = { field: 'companies', order: 'DESC' }): Promise<Summarised> {
  const { groups, trendOf } = filter.id ? await summariseGroups(db, now, [filter.id].flat()) : await activeSummaries(db, now);
  return { groups: sortGroups(groups.filter((group) => matches(group, filter)), sort), trendOf };
}

/** Every group with an active error, filtered and sorted (groups number in the hundreds at most). */
export async function allErrorGroups(db: Db, now: number, filter: ErrorGroupFilter, sort?: ErrorGroupSort): Promise<Summary[]> {
  return (await matching(db, now, filter, sort)).groups;
}

export async function errorGroupPage(
  db: Db,
  now: number,
  list: { filter: ErrorGroupFilter; start: number; end: number; sort?: ErrorGroupSort },
): Promise<{ records: ErrorGroupRecord[]; total: number }> {
  const { groups, trendOf } = await matching(db, now, list.filter, list.sort);
  return { records: await withNotes(db, { groups: groups.slice(list.start, list.end + 1), trendOf }), total: groups.length };
}

/** One group, even one whose errors are all resolved now; undefined when the mirror never saw it. */
export async function errorGroupDetail(db: Db, now: number, id: string) {
  const found = await matching(db, now, { id });
  if (found.groups.length === 0) return undefined;
  const [[record], affected, affectedTotal] = await Promise.all([
    withNotes(db, found),
    affectedConnections(db, id, undefined, AFFECTED_SHOWN),
    countAffected(db, id),
  ]);
  return { ...record!, affected: affected.map(({ errorId: _errorId, ...row }) => row), affectedTotal };
}
