import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { StoredCompany, StoredConnection, StoredError, StoredState } from '../model.js';
import { array, rows } from './sql.js';

/** The mirror's rows for these companies (deleted ones too), their connections and errors. */
export async function loadState(db: Db, companyIds: readonly string[], connectionIds: readonly string[] = []): Promise<StoredState> {
  const [companies, connections] = await Promise.all([
    rows<StoredCompany>(
      db,
      sql`select id, name, description, merchant_id as "merchantId", tags, created, last_sync as "lastSync", deleted_at is not null as deleted
          from mirror_companies where id = any(${array(companyIds, 'text')})`,
    ),
    rows<Omit<StoredConnection, 'observedAt'> & { observedMs: number }>(
      db,
      sql`select id, company_id as "companyId", integration_id as "integrationId", platform_key as "platformKey", platform_name as "platformName",
            source_type as "sourceType", status, last_sync as "lastSync", deleted_at is not null as deleted,
            (extract(epoch from observed_at) * 1000)::float8 as "observedMs"
          from mirror_connections where company_id = any(${array(companyIds, 'text')})
          ${connectionIds.length > 0 ? sql`union select id, company_id, integration_id, platform_key, platform_name, source_type, status, last_sync,
            deleted_at is not null, (extract(epoch from observed_at) * 1000)::float8 from mirror_connections where id = any(${array(connectionIds, 'text')})` : sql``}`,
    ),
  ]);
  const errors = new Map<string, Map<string, StoredError>>();
  if (connections.length > 0) {
    const stored = await rows<StoredError>(
      db,
      sql`select connection_id as "connectionId", fingerprint, status, active, gone
          from mirror_connection_errors where connection_id = any(${array(connections.map((c) => c.id), 'text')})`,
    );
    for (const error of stored) {
      let byFingerprint = errors.get(error.connectionId);
      if (!byFingerprint) errors.set(error.connectionId, (byFingerprint = new Map()));
      byFingerprint.set(error.fingerprint, error);
    }
  }
  return {
    companies: new Map(companies.map((company) => [company.id, company])),
    connections: new Map(connections.map(({ observedMs, ...connection }) => [connection.id, { ...connection, observedAt: new Date(observedMs) }])),
    errors,
  };
}
