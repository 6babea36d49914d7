import { describe, expect, it } from 'vitest';
import { latestIncident, RECENT_DAYS, type DailyCompanies } from './find-incidents.js';

const NOW = Date.parse('2026-12-05T10:00:00Z');
const DAY = 86_400_000;
const date = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString().slice(0, 10);

/** Companies per day, by days ago. */
function daily(counts: Record<number, number>): DailyCompanies {
  return new Map(Object.entries(counts).map(([ago, companies]) => [date(Number(ago)), { companies, firstMs: Date.parse(`${date(Number(ago))}T06:30:00Z`) }]));
}

describe('finding incidents from companies per day', () => {
  it('a current incident: flagged now, started on the first day of its run', () => {
    const found = latestIncident('g', daily({ 0: 9, 1: 6, 20: 1 }), NOW, true);
    expect(found).toEqual({ groupId: 'g', startedOn: date(1), startedAt: `${date(1)}T06:30:00.000Z`, endedOn: null, baselineCompaniesPerDay: 0.03, thresholdCompanies: 5 });
  });

  it('a past incident ends on the last day that met the rule; the quiet days before it make its baseline, its own days do not', () => {
    // 58 company-days in the 29 days before: 2 a day, so a day needs 10 companies.
    const quiet = Object.fromEntries(Array.from({ length: 29 }, (_, i) => [i + 6, 2]));
    const found = latestIncident('g', daily({ ...quiet, 5: 12, 4: 11, 3: 9, 2: 3 }), NOW, false);
    expect(found).toMatchObject({ startedOn: date(5), endedOn: date(4), baselineCompaniesPerDay: 2, thresholdCompanies: 10 });
  });

  it('nothing when no day in the window met the rule, or it ended before the window', () => {
    expect(latestIncident('g', daily({ 0: 4, 1: 4 }), NOW, false)).toBeUndefined();
    expect(latestIncident('g', daily({ [RECENT_DAYS + 1]: 20 }), NOW, false)).toBeUndefined();
    expect(latestIncident('g', daily({ [RECENT_DAYS]: 20 }), NOW, false)).toMatchObject({ startedOn: date(RECENT_DAYS), endedOn: date(RECENT_DAYS) });
  });

  it('flagged today on errors of last evening: it started with those', () => {
    expect(latestIncident('g', daily({ 1: 4 }), NOW, true)).toMatchObject({ startedOn: date(0), startedAt: `${date(1)}T06:30:00.000Z`, endedOn: null });
  });
});
