import type { Db } from '../../db/database.js';
import { sortRecords } from '../../codat/sort-records.js';
import { notesFor } from '../notes/queries.js';
import { INCIDENT_BASELINE_DAYS, isProbableIncident } from './incident.js';
import { changesVersion } from '../../mirror/freshness.js';
import { affectedConnections, countAffected, errorGroups, groupStats, groupTrends, type GroupRow, type GroupStats } from './queries.js';
import type { ErrorGroupFilter, ErrorGroupRecord, ErrorGroupSortField } from './schemas.js';

/** getOne lists this many affected connections; the CSV export has every one. */
export const AFFECTED_SHOWN = 500;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type Summary = Omit<ErrorGroupRecord, 'trend' | 'notes'>;

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

function sortGroups(groups: Summary[], sort: { field: ErrorGroupSortField; order: 'ASC' | 'DESC' }): Summary[] {
  const count = COUNTS[sort.field];
  if (count) {
    const direction = sort.order === 'ASC' ? 1 : -1;
    return [...groups].sort((a, b) => (count(a) - count(b)) * direction || a.id.localeCompare(b.id));
  }
  const field = sort.field as 'id' | 'lastSeen' | 'firstSeen' | 'platformKey' | 'statusCode';
  return sortRecords(groups, (group) => group[field], field.endsWith('Seen') ? 'date' : 'text', sort.order);
}

export async function withTrendsAndNotes(db: Db, now: number, groups: Summary[]): Promise<ErrorGroupRecord[]> {
  const ids = groups.map((group) => group.id);
  const [trends, notes] = await Promise.all([groupTrends(db, now, ids), notesFor(db, 'error-group', ids)]);
  return groups.map((group) => ({ ...group, trend: trends.get(group.id) ?? [], notes: notes.get(group.id) ?? [] }));
}

async function summaries(db: Db, now: number, ids?: readonly string[]): Promise<Summary[]> {
  const [groups, stats] = await Promise.all([errorGroups(db, ids), groupStats(db, now)]);
  return groups.map((row) => summarise(row, stats.get(row.id)));
}

/** How long the groups stay summarised while no error changes: their 24-hour and 30-day windows move with the clock. */
const SUMMARY_TTL_MS = 60_000;
interface Summarised {
  version: number;
  atMs: number;
  groups: Promise<Summary[]>;
  refreshing?: boolean;
}
const summarised = new WeakMap<Db, Summarised>();

/**
 * Every group with an active error, summarised once per change of the fleet's errors (or minute):
 * grouping every error the mirror keeps costs more than the rest of a page, and the list, its
 * filters and the dashboard ask for it on every request. One version read per request. When
 * only the minute is up (no error changed), the last summary still answers while the next is
 * computed: no request waits for it.
 */
async function activeSummaries(db: Db, now: number): Promise<Summary[]> {
  const version = await changesVersion(db);
  const hit = summarised.get(db);
  if (hit?.version === version) {
    if (Math.abs(now - hit.atMs) >= SUMMARY_TTL_MS && !hit.refreshing) {
      hit.refreshing = true;
      const groups = summaries(db, now);
      groups.then(
        () => summarised.get(db) === hit && summarised.set(db, { version, atMs: now, groups }),
        () => (hit.refreshing = false),
      );
    }
    return hit.groups;
  }
  const entry: Summarised = { version, atMs: now, groups: summaries(db, now) };
  summarised.set(db, entry);
  entry.groups.catch(() => summarised.get(db) === entry && summarised.delete(db));
  return entry.groups;
}

/** Every group with an active error, filtered and sorted (groups number in the hundreds at most). */
export async function allErrorGroups(
  db: Db,
  now: number,
  filter: ErrorGroupFilter,
  sort: { field: ErrorGroupSortField; order: 'ASC' | 'DESC' } = { field: 'companies', order: 'DESC' },
): Promise<Summary[]> {
  const groups = filter.id ? await summaries(db, now, [filter.id].flat()) : await activeSummaries(db, now);
  return sortGroups(groups.filter((group) => matches(group, filter)), sort);
}

export async function errorGroupPage(
  db: Db,
  now: number,
  list: { filter: ErrorGroupFilter; start: number; end: number; sort?: { field: ErrorGroupSortField; order: 'ASC' | 'DESC' } },
): Promise<{ records: ErrorGroupRecord[]; total: number }> {
  const groups = await allErrorGroups(db, now, list.filter, list.sort);
  return { records: await withTrendsAndNotes(db, now, groups.slice(list.start, list.end + 1)), total: groups.length };
}

/** One group, even one whose errors are all resolved now; undefined when the mirror never saw it. */
export async function errorGroupDetail(db: Db, now: number, id: string) {
  const [group] = await allErrorGroups(db, now, { id });
  if (!group) return undefined;
  const [[record], affected, affectedTotal] = await Promise.all([
    withTrendsAndNotes(db, now, [group]),
    affectedConnections(db, id, undefined, AFFECTED_SHOWN),
    countAffected(db, id),
  ]);
  return { ...record!, affected: affected.map(({ errorId: _errorId, ...row }) => row), affectedTotal };
}
