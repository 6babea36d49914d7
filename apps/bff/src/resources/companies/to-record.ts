import type { Company } from '@console/codat-client';
import { countActiveErrors } from '../../codat/connection-errors.js';
import { integrationCatalog } from '../../codat/integration-catalog.js';
import { isBankFeedPlatform } from '../../codat/platforms.js';
import type { BffDeps } from '../../deps.js';
import { toConnectionRecords } from '../connections/to-record.js';
import type { CompanyRecord, LiveCompanyRecord } from './schemas.js';

/**
 * Codat company → console record. `redirect` and the connections' `linkUrl`s are left out on
 * purpose: URLs that may carry one-time passwords are only handed out by the Link URL actions.
 */
export function toCompanyRecord(
  company: Company,
  merchantIdTag: string,
  platformKey: (connection: NonNullable<Company['dataConnections']>[number]) => string | null,
): CompanyRecord {
  const connections = company.dataConnections ?? [];
  const tags = company.tags ?? {};
  return {
    id: company.id,
    name: company.name,
    description: company.description ?? null,
    merchantId: tags[merchantIdTag] ?? null,
    tags,
    created: company.created ?? null,
    lastSync: company.lastSync ?? null,
    redirectAvailable: true,
    platforms: connections.map((connection) => {
      const key = platformKey(connection);
      return {
        connectionId: connection.id,
        key,
        name: connection.platformName,
        status: connection.status,
        sourceType: connection.sourceType,
        bankFeed: isBankFeedPlatform(key),
      };
    }),
    connectionCount: connections.length,
    activeErrorCount: connections.reduce((sum, connection) => sum + countActiveErrors(connection), 0),
  };
}

/** Records for several companies, resolving platform keys once for all their connections. */
export async function toCompanyRecords(deps: BffDeps, companies: readonly Company[]): Promise<CompanyRecord[]> {
  const platformKey = await integrationCatalog(deps.codat, deps.now).keyResolver(
    companies.flatMap((company) => company.dataConnections ?? []),
  );
  return companies.map((company) => toCompanyRecord(company, deps.settings.merchantIdTag, platformKey));
}

/** A company as Codat has it now, with its embedded connections as connection records. */
export async function toLiveCompanyRecord(deps: BffDeps, company: Company): Promise<LiveCompanyRecord> {
  const [[record], connections] = await Promise.all([
    toCompanyRecords(deps, [company]),
    toConnectionRecords(deps, company.id, company.dataConnections ?? []),
  ]);
  return { ...record!, connections };
}
