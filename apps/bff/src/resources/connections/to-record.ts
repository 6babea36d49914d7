import type { Connection } from '@console/codat-client';
import { connectionErrorRecords, countActiveErrors } from '../../codat/connection-errors.js';
import { integrationCatalog } from '../../codat/integration-catalog.js';
import { isBankFeedPlatform } from '../../codat/platforms.js';
import type { BffDeps } from '../../deps.js';
import { connectionRecordId } from './connection-id.js';
import { connectionLinkRefusal } from './link-policy.js';
import type { ConnectionRecord } from './schemas.js';

/** Codat connection → console record; the `linkUrl` is left out on purpose. */
export function toConnectionRecord(companyId: string, connection: Connection, platformKey: string | null): ConnectionRecord {
  return {
    id: connectionRecordId({ companyId, connectionId: connection.id }),
    companyId,
    connectionId: connection.id,
    platformKey,
    platformName: connection.platformName,
    sourceType: connection.sourceType,
    status: connection.status,
    created: connection.created,
    lastSync: connection.lastSync ?? null,
    errors: connectionErrorRecords(connection),
    activeErrorCount: countActiveErrors(connection),
    bankFeed: isBankFeedPlatform(platformKey),
    shareableLinkUrl: connectionLinkRefusal({ platformKey, status: connection.status }) === undefined,
  };
}

/** Records for connections of one company, resolving platform keys once. */
export async function toConnectionRecords(deps: BffDeps, companyId: string, connections: readonly Connection[]): Promise<ConnectionRecord[]> {
  const platformKey = await integrationCatalog(deps.codat, deps.now).keyResolver(connections);
  return connections.map((connection) => toConnectionRecord(companyId, connection, platformKey(connection)));
}
