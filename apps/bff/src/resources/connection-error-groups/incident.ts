/**
 * When an error group looks like a platform incident rather than one customer's problem: many
 * companies hit it in the last 24 hours, far more than usual for it.
 */
export const INCIDENT_MIN_COMPANIES = 5;
export const INCIDENT_SPIKE_FACTOR = 5;
/** The baseline: companies per day with the error over the 29 days before the last 24 hours. */
export const INCIDENT_BASELINE_DAYS = 29;

export const INCIDENT_RULE =
  `Probable platform incident: at least ${INCIDENT_MIN_COMPANIES} companies had an error of this group in the last 24 hours, ` +
  `and that is at least ${INCIDENT_SPIKE_FACTOR}× the group's daily baseline (companies per day over the ${INCIDENT_BASELINE_DAYS} days before).`;

/** `baselineCompanyDays`: distinct (company, day) pairs with the error in the baseline window. */
export function isProbableIncident(recentCompanies: number, baselineCompanyDays: number): boolean {
  const baselinePerDay = baselineCompanyDays / INCIDENT_BASELINE_DAYS;
  return recentCompanies >= INCIDENT_MIN_COMPANIES && recentCompanies >= INCIDENT_SPIKE_FACTOR * baselinePerDay;
}
