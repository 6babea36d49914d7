import type { CodatEventType } from '../events.js';
import type { Emulator } from '../emulator.js';
import { CodatError, errors } from '../http/errors.js';
import type { CompanyRecord, ConnectionRecord, DataConnectionError } from '../store/types.js';
import { connectionEventPayload } from '../webhooks/payloads.js';
import { codatTimestamp } from './dates.js';
import { newId } from './ids.js';
import { platformByKey } from './platforms.js';
import { queueInitialSync } from './pull-operations.js';

/**
 * State changes of a connection and the webhook events each one raises. Used by the REST routes,
 * the Link pages and the control API. `origin` is where `linkUrl`s in event payloads point; it
 * falls back to the configured public URL.
 */

function emitConnectionEvent(
  emu: Emulator,
  eventType: CodatEventType,
  connection: ConnectionRecord,
  origin?: string,
): void {
  emu.events.emit({ eventType, companyId: connection.companyId, payload: connectionEventPayload(emu, connection, origin) });
}

function addActiveError(emu: Emulator, connection: ConnectionRecord, error: Omit<DataConnectionError, 'erroredOnUtc' | 'status'>): void {
  connection.errors.push({ ...error, erroredOnUtc: codatTimestamp(emu.clock.now(), 'seconds'), status: 'Active' });
}

/**
 * Unknown and disabled platform keys are 404: the only error besides the universal ones that the
 * spec declares for create-connection, and what Codat answers for other unknown resources.
 */
export function integrationNotFound(platformKey: string): CodatError {
  return new CodatError(404, 'PublicApi', `No integration was found with platform key '${platformKey}'.`);
}

/** A new `PendingAuth` connection; fires `connection.created`. */
export function createConnection(emu: Emulator, company: CompanyRecord, platformKey: string, origin?: string): ConnectionRecord {
  const platform = platformByKey(platformKey);
  if (!platform?.enabled) throw integrationNotFound(platformKey);
  const now = emu.clock.now();
  const connection: ConnectionRecord = {
    id: newId(),
    companyId: company.id,
    integrationKey: platform.key,
    status: 'PendingAuth',
    created: codatTimestamp(now, 'seconds'),
    createdMs: now,
    errors: [],
    otps: [],
  };
  emu.store.addConnection(connection);
  emitConnectionEvent(emu, 'connection.created', connection, origin);
  return connection;
}

/**
 * The SMB completed authorization: `Linked`, active errors resolved. Returns the event raised —
 * `connection.connected` on a first link (where Codat runs "fetch on first link"),
 * `connection.reconnected` after an unlink or deauthorization — or undefined when it already was linked.
 */
export function authorizeConnection(
  emu: Emulator,
  connection: ConnectionRecord,
  origin?: string,
): 'connection.connected' | 'connection.reconnected' | undefined {
  if (connection.status === 'Linked') return undefined;
  const eventType =
    connection.status === 'PendingAuth' ? 'connection.connected' : 'connection.reconnected';
  const resolvedOnUtc = codatTimestamp(emu.clock.now(), 'seconds');
  for (const error of connection.errors) {
    if (error.status === 'Active') Object.assign(error, { status: 'Resolved', resolvedOnUtc });
  }
  connection.status = 'Linked';
  emitConnectionEvent(emu, eventType, connection, origin);
  return eventType;
}

/** The SMB abandoned Link: an active 403 error, the status unchanged; fires `connection.failed`. */
export function cancelLinking(emu: Emulator, connection: ConnectionRecord, origin?: string): void {
  addActiveError(emu, connection, {
    statusCode: '403',
    statusText: 'User cancelled linking',
    errorMessage: 'User cancelled',
  });
  emitConnectionEvent(emu, 'connection.failed', connection, origin);
}

const DEAUTHORIZED_TEXT = 'The integration de-authorized access to the connection.';

/** The platform revoked access: `Deauthorized` with an active 401 error; fires `connection.disconnected`. */
export function deauthorizeConnection(emu: Emulator, connection: ConnectionRecord, origin?: string): void {
  connection.status = 'Deauthorized';
  addActiveError(emu, connection, { statusCode: '401', statusText: DEAUTHORIZED_TEXT, errorMessage: DEAUTHORIZED_TEXT });
  emitConnectionEvent(emu, 'connection.disconnected', connection, origin);
}

/** Only `Linked` connections can be unlinked; data is kept. Fires `connection.disconnected`. */
export function unlinkConnection(emu: Emulator, connection: ConnectionRecord, origin?: string): void {
  if (connection.status !== 'Linked') {
    throw errors.invalidRequest(
      `only Linked connections can be unlinked; connection ${connection.id} is ${connection.status}.`,
    );
  }
  connection.status = 'Unlinked';
  emitConnectionEvent(emu, 'connection.disconnected', connection, origin);
}

/** Irreversible: the connection and its bank-feed state disappear. Fires `connection.deleted`. */
export function deleteConnection(emu: Emulator, connection: ConnectionRecord, origin?: string): void {
  const payload = connectionEventPayload(emu, connection, origin);
  emu.store.deleteConnection(connection);
  emu.events.emit({ eventType: 'connection.deleted', companyId: connection.companyId, payload });
}

/**
 * The SMB finished Link for this connection. A first link triggers Codat's "fetch on first link";
 * a token update through the API (update-connection-authorization) does not, so it calls
 * `authorizeConnection` directly.
 */
export function completeLinking(emu: Emulator, connection: ConnectionRecord, origin?: string): void {
  if (authorizeConnection(emu, connection, origin) === 'connection.connected') queueInitialSync(emu, connection);
}
