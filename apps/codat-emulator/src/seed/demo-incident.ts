import type { Store } from '../store/store.js';
import { activeError, resolvedError } from './connection-errors.js';
import { DAY_MS, MINUTE_MS, type SeedContext } from './context.js';

/** Xero is having a bad day in the demo: its API answers 503 for a growing set of companies. */
export const DEMO_INCIDENT = { platformKey: 'gbol', statusCode: '503', companies: 9, everyMinutes: 35, baselineDaysAgo: [11, 23] } as const;

function linkedWithoutActiveError(store: Store, platformKey: string) {
  const seen = new Set<string>();
  return [...store.connections.values()].filter((connection) => {
    if (connection.integrationKey !== platformKey || connection.status !== 'Linked' || seen.has(connection.companyId)) return false;
    if (connection.errors.some((error) => error.status === 'Active')) return false;
    seen.add(connection.companyId);
    return true;
  });
}

/**
 * A probable platform incident on top of the generated fleet: one Linked Xero connection per
 * company starts failing every 35 minutes over the last hours (still growing at the anchor),
 * against a baseline of two resolved 503s in the month before. Fleets with too few Linked Xero
 * connections get as many as they have.
 */
export function seedDemoIncident(ctx: SeedContext): void {
  const { platformKey, companies, everyMinutes, baselineDaysAgo } = DEMO_INCIDENT;
  const candidates = linkedWithoutActiveError(ctx.store, platformKey);
  candidates.slice(0, companies).forEach((connection, i) => {
    connection.errors.push(activeError('platformUnavailable', ctx.anchorMs - (companies - i) * everyMinutes * MINUTE_MS));
  });
  candidates.slice(companies, companies + baselineDaysAgo.length).forEach((connection, i) => {
    const erroredMs = ctx.anchorMs - baselineDaysAgo[i]! * DAY_MS;
    connection.errors.push(resolvedError('platformUnavailable', erroredMs, erroredMs + 90 * MINUTE_MS));
  });
}
