import type { CompanyRecord, DatasetRecord } from '../store/types.js';
import { seedConnection, type ConnectionPlan, type SeededConnection } from './connections.js';
import { DAY_MS, MINUTE_MS, type SeedContext } from './context.js';
import type { SeededRandom } from './random.js';
import { seedSourceAccounts } from './source-accounts.js';
import { seedSyncHistory } from './sync-history.js';
import type { Region } from './words.js';

/** Lets fixtures adjust a connection (its errors, say) before its history and accounts are made. */
export type CustomizeConnection = (seeded: SeededConnection, plan: ConnectionPlan) => void;

/**
 * Writes a company's connections straight into the store, each with its sync history and, for
 * bank-feed hosts, source accounts; then sets the company's `lastSync` and `products` to match.
 */
export function addCompanyConnections(
  ctx: SeedContext,
  rng: SeededRandom,
  company: CompanyRecord,
  region: Region,
  plans: readonly ConnectionPlan[],
  customize?: CustomizeConnection,
): void {
  const { store } = ctx;
  const datasets: DatasetRecord[] = [];
  let notBeforeMs = company.createdMs;
  for (const [index, plan] of plans.entries()) {
    const remainingMs = ctx.anchorMs - notBeforeMs;
    const delayMs = index === 0 ? Math.min(rng.between(2 * MINUTE_MS, 2 * DAY_MS), remainingMs / 2) : rng.between(MINUTE_MS, remainingMs / 2);
    const seeded = seedConnection(ctx, rng, company.id, plan, Math.round(notBeforeMs + delayMs));
    customize?.(seeded, plan);
    const { connection } = seeded;
    store.addConnection(connection);
    if (plan.hostsBankFeed) store.sourceAccounts.set(connection.id, seedSourceAccounts(ctx, rng, connection, region));
    datasets.push(...seedSyncHistory(ctx, rng, connection));
    if (connection.lastSyncMs !== undefined && connection.lastSyncMs > (company.lastSyncMs ?? 0)) {
      company.lastSyncMs = connection.lastSyncMs;
      company.lastSync = connection.lastSync;
    }
    // The next connection follows this one; a replaced accounting platform, only once it stopped.
    notBeforeMs = plan.role === 'previousAccounting' && seeded.endedMs !== undefined ? seeded.endedMs : connection.createdMs;
  }
  datasets.sort((a, b) => a.requestedMs - b.requestedMs);
  for (const dataset of datasets) store.addDataset(dataset);
  if (plans.some((plan) => plan.hostsBankFeed)) company.products.push('bank-feeds');
  if (plans.some((plan) => plan.role === 'commerce')) company.products.push('commerce');
}
