import { compositeId, uuid } from '../../http/params.js';

/**
 * A connection's console id is `<companyId>.<connectionId>` (the same scheme as source accounts):
 * Codat addresses connections under their company, and react-admin's getOne/delete send only the id.
 */
export const connectionId = compositeId({ companyId: uuid, connectionId: uuid });

export type ConnectionRef = ReturnType<typeof connectionId.parse>;

export function connectionRecordId(ref: ConnectionRef): string {
  return connectionId.format(ref);
}

export function parseConnectionRecordId(id: string): ConnectionRef {
  return connectionId.parse(id);
}

export function isConnectionRecordId(id: string): boolean {
  try {
    connectionId.parse(id);
    return true;
  } catch {
    return false;
  }
}
