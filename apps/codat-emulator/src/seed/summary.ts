import { platformByKey } from '../domain/platforms.js';
import type { Store } from '../store/store.js';
import type { ConnectionRecord, ConnectionStatus } from '../store/types.js';

/**
 * Ground truth for reports: what the store holds, counted directly. Connection-count reports
 * built on the Codat API (the BFF's, say) must arrive at the same figures.
 */
export interface StoreSummary {
  companies: number;
  companiesWithoutConnections: number;
  /** Companies with at least one Linked connection to a non-sandbox platform (Codat's billing unit). */
  activeConnectedCompanies: number;
  connections: number;
  connectionsByStatus: Record<ConnectionStatus, number>;
  /** Platform key → status → count; keys sorted, zero counts omitted. */
  connectionsByPlatform: Record<string, Partial<Record<ConnectionStatus, number>>>;
  connectionsWithActiveErrors: number;
  sourceAccounts: number;
  datasets: number;
}

function hasActiveError(connection: ConnectionRecord): boolean {
  for (const error of connection.errors) if (error.status === 'Active') return true;
  return false;
}

const noCounts = (): Record<ConnectionStatus, number> => ({ PendingAuth: 0, Linked: 0, Unlinked: 0, Deauthorized: 0 });

export function summarizeStore(store: Store): StoreSummary {
  const byStatus = noCounts();
  const byPlatform = new Map<string, Record<ConnectionStatus, number>>();
  const billableCompanies = new Set<string>();
  let withActiveErrors = 0;
  for (const connection of store.connections.values()) {
    byStatus[connection.status] += 1;
    let counts = byPlatform.get(connection.integrationKey);
    if (!counts) byPlatform.set(connection.integrationKey, (counts = noCounts()));
    counts[connection.status] += 1;
    if (hasActiveError(connection)) withActiveErrors += 1;
    if (connection.status === 'Linked' && !platformByKey(connection.integrationKey)?.sandbox) billableCompanies.add(connection.companyId);
  }
  let withoutConnections = 0;
  for (const company of store.companies.values()) if (company.connectionIds.length === 0) withoutConnections += 1;
  let sourceAccounts = 0;
  for (const accounts of store.sourceAccounts.values()) sourceAccounts += accounts.length;
  const platforms = [...byPlatform.keys()].sort().map((key) => {
    const counts = Object.entries(byPlatform.get(key)!).filter(([, count]) => count > 0);
    return [key, Object.fromEntries(counts)] as const;
  });
  return {
    companies: store.companies.size,
    companiesWithoutConnections: withoutConnections,
    activeConnectedCompanies: billableCompanies.size,
    connections: store.connections.size,
    connectionsByStatus: byStatus,
    connectionsByPlatform: Object.fromEntries(platforms),
    connectionsWithActiveErrors: withActiveErrors,
    sourceAccounts,
    datasets: store.datasetsById.size,
  };
}
