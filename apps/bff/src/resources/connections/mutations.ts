import { integrationCatalog } from '../../codat/integration-catalog.js';
import type { BffDeps } from '../../deps.js';
import { badRequest, conflict } from '../../http/api-error.js';
import type { ConnectionRef } from './connection-id.js';
import type { ConnectionRecord } from './schemas.js';
import { toConnectionRecords } from './to-record.js';

export async function readConnection(deps: BffDeps, ref: ConnectionRef): Promise<ConnectionRecord> {
  const connection = await deps.codat.connections.get(ref.companyId, ref.connectionId);
  return (await toConnectionRecords(deps, ref.companyId, [connection]))[0]!;
}

/** A new PendingAuth connection. The key is checked against the (cached) integrations first. */
export async function createConnection(deps: BffDeps, input: { companyId: string; platformKey: string }): Promise<ConnectionRecord> {
  const integration = await integrationCatalog(deps.codat, deps.now).get(input.platformKey);
  if (!integration) throw badRequest(`No integration has the platform key "${input.platformKey}".`);
  if (!integration.enabled) throw badRequest(`${integration.name} (${integration.key}) is not enabled for this Codat client.`);
  const { companyId } = input;
  const connection = await deps.codat.connections.create(companyId, { platformKey: input.platformKey });
  return (await toConnectionRecords(deps, companyId, [connection]))[0]!;
}

/** Unlinking keeps the connection and its data; Codat only allows it for Linked connections. */
export async function unlinkConnection(deps: BffDeps, ref: ConnectionRef): Promise<ConnectionRecord> {
  const current = await readConnection(deps, ref);
  if (current.status !== 'Linked') {
    throw conflict(`Only Linked connections can be unlinked; this ${current.platformName} connection is ${current.status}.`, {
      status: current.status,
    });
  }
  const connection = await deps.codat.connections.unlink(ref.companyId, ref.connectionId);
  return (await toConnectionRecords(deps, ref.companyId, [connection]))[0]!;
}

/** Irreversible: the connection and its synced data are removed. Answers the record as it was. */
export async function deleteConnection(deps: BffDeps, ref: ConnectionRef): Promise<ConnectionRecord> {
  const record = await readConnection(deps, ref);
  await deps.codat.connections.delete(ref.companyId, ref.connectionId);
  return record;
}
