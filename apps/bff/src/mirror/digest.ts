import { createHash } from 'node:crypto';
import type { Observation, ObservedCompany, ObservedConnection } from './model.js';

/**
 * A digest of everything the diff compares for one company of a sync page: its fields, its
 * connections and their errors. Equal digests mean nothing to write, so a steady-state sync
 * reads and diffs only the companies that changed.
 */
function digest(company: ObservedCompany, connections: readonly ObservedConnection[]): string {
  const { id, name, description, merchantId, tags, created, lastSync } = company;
  const connectionParts = [...connections]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((c) => [c.id, c.status, c.lastSync, c.platformKey, c.platformName, c.sourceType, c.integrationId, c.errors.map((e) => [e.fingerprint, e.status, e.active]).sort()]);
  const tagParts = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha1').update(JSON.stringify([id, name, description, merchantId, tagParts, created, lastSync, connectionParts])).digest('base64');
}

export function companyDigests(observation: Observation): Map<string, string> {
  const byCompany = new Map<string, ObservedConnection[]>();
  for (const connection of observation.connections) {
    const list = byCompany.get(connection.companyId) ?? [];
    list.push(connection);
    byCompany.set(connection.companyId, list);
  }
  return new Map(observation.companies.map((company) => [company.id, digest(company, byCompany.get(company.id) ?? [])]));
}

/** The part of a (complete) observation about these companies. */
export function narrowObservation(observation: Observation, companyIds: ReadonlySet<string>): Observation {
  return {
    companies: observation.companies.filter((company) => companyIds.has(company.id)),
    connections: observation.connections.filter((connection) => companyIds.has(connection.companyId)),
    completeCompanyIds: new Set([...observation.completeCompanyIds].filter((id) => companyIds.has(id))),
    observedAt: observation.observedAt,
  };
}
