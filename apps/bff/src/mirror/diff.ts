import type { MirrorWrite, Observation, StoredConnection, StoredState } from './model.js';
import { WriteBuilder, type DiffOptions } from './write-builder.js';

function connectionsByCompany(state: StoredState): Map<string, StoredConnection[]> {
  const byCompany = new Map<string, StoredConnection[]>();
  for (const connection of state.connections.values()) {
    let list = byCompany.get(connection.companyId);
    if (!list) byCompany.set(connection.companyId, (list = []));
    list.push(connection);
  }
  return byCompany;
}

/**
 * What an observation changes: companies and connections that are new, changed or back;
 * status transitions; errors that appeared or were resolved; and, for companies whose connection
 * list is complete, connections that are gone.
 */
export function diffObservation(state: StoredState, observation: Observation, options: DiffOptions): MirrorWrite {
  const builder = new WriteBuilder(state, observation.observedAt, options);
  for (const company of observation.companies) builder.company(company);
  for (const connection of observation.connections) builder.connection(connection);
  if (observation.completeCompanyIds.size > 0) {
    const listed = new Set(observation.connections.map((connection) => connection.id));
    const byCompany = connectionsByCompany(state);
    for (const companyId of observation.completeCompanyIds) {
      for (const stored of byCompany.get(companyId) ?? []) {
        // A connection a newer webhook created is not gone just because this older page lacks it.
        if (!listed.has(stored.id) && stored.observedAt <= observation.observedAt) builder.connectionDeleted(stored);
      }
    }
  }
  return builder.write;
}

/** Companies (and their connections) Codat no longer has. */
export function diffDeletedCompanies(state: StoredState, companyIds: readonly string[], at: Date): MirrorWrite {
  const builder = new WriteBuilder(state, at, { baseline: false });
  const byCompany = connectionsByCompany(state);
  for (const id of companyIds) {
    const stored = state.companies.get(id);
    if (stored) builder.companyDeleted(stored, byCompany.get(id) ?? []);
  }
  return builder.write;
}

/** One connection Codat deleted (the `connection.deleted` webhook). */
export function diffDeletedConnection(state: StoredState, connectionId: string, at: Date): MirrorWrite {
  const builder = new WriteBuilder(state, at, { baseline: false });
  const stored = state.connections.get(connectionId);
  if (stored && stored.observedAt <= at) builder.connectionDeleted(stored);
  return builder.write;
}
