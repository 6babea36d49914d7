import type { Company, Connection } from '@console/codat-client';
import type { Observation } from './model.js';
import { observeCompany, observeConnection, type PlatformKeyOf } from './observe.js';

export interface PageObserver {
  merchantIdTag: string;
  platformKeys: (connections: readonly Connection[]) => Promise<PlatformKeyOf>;
}

/** Full companies as read from Codat: each one's connection list is complete. */
export async function observePage(observer: PageObserver, companies: readonly Company[], observedAt: Date): Promise<Observation> {
  const platformKeyOf = await observer.platformKeys(companies.flatMap((company) => company.dataConnections ?? []));
  const observed = companies.map((company) => observeCompany(company, observer.merchantIdTag));
  return {
    companies: observed,
    connections: companies.flatMap((company, i) =>
      (company.dataConnections ?? []).map((connection) => observeConnection(connection, observed[i]!.id, platformKeyOf)),
    ),
    completeCompanyIds: new Set(observed.map((company) => company.id)),
    observedAt,
  };
}
