import type { Db } from '../../db/database.js';
import { allErrorGroups, withTrendsAndNotes } from '../connection-error-groups/records.js';
import { latestIncident } from './find-incidents.js';
import { dailyCompanies, halfDayCompanies } from './queries.js';
import type { IncidentRecord } from './schemas.js';

/** Current and recent probable incidents from the mirror's error history: current first, then the latest started. */
export async function incidents(db: Db, now: number): Promise<IncidentRecord[]> {
  const daily = await dailyCompanies(db, now);
  if (daily.size === 0) return [];
  const groups = await allErrorGroups(db, now, { id: [...daily.keys()] });
  const found = groups.flatMap((group) => {
    const incident = latestIncident(group.id, daily.get(group.id)!, now, group.probableIncident);
    return incident ? [{ group, incident }] : [];
  });
  if (found.length === 0) return [];
  const [records, halves] = await Promise.all([
    withTrendsAndNotes(db, now, found.map(({ group }) => group)),
    halfDayCompanies(db, now, found.map(({ group }) => group.id)),
  ]);
  return records
    .map((record, i) => {
      const { groupId: _groupId, ...incident } = found[i]!.incident;
      const half = halves.get(record.id) ?? { last: 0, before: 0 };
      const current = incident.endedOn === null;
      return {
        ...record,
        incident: {
          ...incident,
          status: current ? ('current' as const) : ('ended' as const),
          companiesLast12h: half.last,
          companiesPrevious12h: half.before,
          growing: current && half.last > half.before,
        },
      };
    })
    .sort((a, b) => Number(b.incident.status === 'current') - Number(a.incident.status === 'current') || b.incident.startedAt.localeCompare(a.incident.startedAt));
}
