import { CodatError, type Connection } from '@console/codat-client';
import { collectPages } from '../../codat/collect.js';
import { sortRecords } from '../../codat/sort-records.js';
import type { BffDeps } from '../../deps.js';
import { badRequest } from '../../http/api-error.js';
import type { ListQuery } from '../../http/simple-rest.js';
import { parseConnectionRecordId, type ConnectionRef } from './connection-id.js';
import type { ConnectionFilter, ConnectionRecord, ConnectionSortField } from './schemas.js';
import { toConnectionRecords } from './to-record.js';

/** A company has a handful of connections; this bounds a pathological one. */
const CONNECTIONS_READ_LIMIT = 5000;

/** getMany: each connection read on its own; ones Codat doesn't know are left out. */
async function connectionsById(deps: BffDeps, refs: ConnectionRef[]): Promise<ConnectionRecord[]> {
  const found = await Promise.all(
    refs.map(async (ref) => {
      try {
        const connection = await deps.codat.connections.get(ref.companyId, ref.connectionId);
        return (await toConnectionRecords(deps, ref.companyId, [connection]))[0];
      } catch (error) {
        if (error instanceof CodatError && error.status === 404) return undefined;
        throw error;
      }
    }),
  );
  return found.filter((record): record is ConnectionRecord => record !== undefined);
}

const DATE_FIELDS: readonly ConnectionSortField[] = ['created', 'lastSync'];

/** One company's connections, filtered, sorted and paged here (Codat's connection query fields are undocumented). */
export async function listConnections(deps: BffDeps, list: ListQuery<ConnectionFilter, ConnectionSortField>) {
  const { filter, start, end, sort } = list;
  if (filter.id !== undefined) {
    if (Object.keys(filter).length > 1) throw badRequest('The "id" filter (getMany) cannot be combined with other filters.');
    const ids = [...new Set([filter.id].flat())];
    const records = await connectionsById(deps, ids.map(parseConnectionRecordId));
    return { records, start: 0, total: records.length };
  }
  if (!filter.companyId) {
    throw badRequest('Connections are listed per company: add filter={"companyId":"<company uuid>"}.');
  }
  const companyId = filter.companyId;
  const read = await collectPages<Connection>(deps.codat.connections.pages(companyId, { pageSize: 500 }), CONNECTIONS_READ_LIMIT);
  let records = await toConnectionRecords(deps, companyId, read.items);
  if (filter.status) records = records.filter((record) => record.status === filter.status);
  if (filter.sourceType) {
    const wanted = filter.sourceType.toLowerCase();
    records = records.filter((record) => record.sourceType.toLowerCase() === wanted);
  }
  if (sort) {
    const field = sort.field;
    records = sortRecords(records, (record) => record[field], DATE_FIELDS.includes(field) ? 'date' : 'text', sort.order);
  }
  return { records: records.slice(start, end + 1), start, total: records.length };
}
