import type { Db } from '../../db/database.js';
import { sortRecords } from '../../codat/sort-records.js';
import { notesFor } from '../notes/queries.js';
import { INCIDENT_BASELINE_DAYS, isProbableIncident } from './incident.js';
import { mirrorSummary } from '../../mirror/summary-cache.js';
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

/** Every group with an active error: see mirrorSummary for when it is taken again. */
const activeSummaries = mirrorSummary((db, now) => summariseGroups(db, now));

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
