import { INCIDENT_BASELINE_DAYS, INCIDENT_MIN_COMPANIES, INCIDENT_SPIKE_FACTOR, isProbableIncident } from '../connection-error-groups/incident.js';
import { DAY_MS } from '../../mirror/settings.js';


/**
 * "Recent" incidents: those that met the rule on a day within this many days. Well inside the
 * mirror's error history (MIRROR_RETENTION_MONTHS, 13 months by default), and long enough to
 * follow up on last week's outage.
 */
export const RECENT_DAYS = 14;
/** An incident is growing while more companies were hit in the last half day than in the half day before. */
export const GROWING_HOURS = 12;

/** Companies with an error of one group, per UTC day, and the first error's time that day. */
export type DailyCompanies = Map<string, { companies: number; firstMs: number }>;

export interface FoundIncident {
  groupId: string;
  /** The first day the group met the rule, and the first error of that day. */
  startedOn: string;
  startedAt: string;
  /** The last day it met the rule; null while it still does. */
  endedOn: string | null;
  /** Companies per day over the 29 days before it started, and what a day needed to meet the rule. */
  baselineCompaniesPerDay: number;
  thresholdCompanies: number;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function baselineBefore(daily: DailyCompanies, dayStartMs: number): number {
  let companyDays = 0;
  for (let i = 1; i <= INCIDENT_BASELINE_DAYS; i += 1) companyDays += daily.get(day(dayStartMs - i * DAY_MS))?.companies ?? 0;
  return companyDays;
}

/** Days before the window a run may have started in and still be followed into it. */
const LOOK_BACK_DAYS = 14;
/** Days of companies-per-day the finder reads: the window, the look-back, and the baseline before them. */
export const DAILY_HISTORY_DAYS = RECENT_DAYS + LOOK_BACK_DAYS + INCIDENT_BASELINE_DAYS;

/**
 * The group's latest incident that met the rule on a day within RECENT_DAYS, or undefined. Past
 * days are judged by the rule per UTC day (that day's companies against the baseline of the 29 days
 * before the incident began, so a long incident does not raise its own bar); today by
 * `currentlyFlagged`, the rule over the last 24 hours that the error-group list shows. An incident
 * is a run of consecutive days that met the rule.
 */
export function latestIncident(groupId: string, daily: DailyCompanies, nowMs: number, currentlyFlagged: boolean): FoundIncident | undefined {
  const todayMs = Date.parse(`${day(nowMs)}T00:00:00Z`);
  let run: { first: number; last: number; baselineCompanyDays: number } | undefined;
  let latest: typeof run;
  for (let at = todayMs - (RECENT_DAYS + LOOK_BACK_DAYS) * DAY_MS; at <= todayMs; at += DAY_MS) {
    const baselineCompanyDays = run?.baselineCompanyDays ?? baselineBefore(daily, at);
    const met = at === todayMs ? currentlyFlagged : isProbableIncident(daily.get(day(at))?.companies ?? 0, baselineCompanyDays);
    if (met) run = { first: run?.first ?? at, last: at, baselineCompanyDays };
    else run = undefined;
    if (run) latest = run;
  }
  if (!latest || latest.last < todayMs - RECENT_DAYS * DAY_MS) return undefined;
  const baseline = latest.baselineCompanyDays / INCIDENT_BASELINE_DAYS;
  // Flagged today on errors of last evening: it started with those.
  const firstMs = daily.get(day(latest.first))?.firstMs ?? daily.get(day(latest.first - DAY_MS))?.firstMs ?? latest.first;
  return {
    groupId,
    startedOn: day(latest.first),
    startedAt: new Date(firstMs).toISOString(),
    endedOn: latest.last === todayMs ? null : day(latest.last),
    baselineCompaniesPerDay: Math.round(baseline * 100) / 100,
    thresholdCompanies: Math.max(INCIDENT_MIN_COMPANIES, Math.ceil(INCIDENT_SPIKE_FACTOR * baseline)),
  };
}
