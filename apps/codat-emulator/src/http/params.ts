import { UUID_PATTERN } from '../domain/ids.js';
import type { Emulator } from '../emulator.js';
import type { CompanyRecord, ConnectionRecord } from '../store/types.js';
import { errors } from './errors.js';

/** A malformed id in the path can never match: Codat answers with its not-found error. */
export function findCompany(emu: Emulator, companyId: string): CompanyRecord {
  const company = UUID_PATTERN.test(companyId) ? emu.store.companies.get(companyId.toLowerCase()) : undefined;
  if (!company) throw errors.companyNotFound(companyId);
  return company;
}

export function findConnection(emu: Emulator, companyId: string, connectionId: string): ConnectionRecord {
  const company = findCompany(emu, companyId);
  const connection = UUID_PATTERN.test(connectionId) ? emu.store.connections.get(connectionId.toLowerCase()) : undefined;
  if (!connection || connection.companyId !== company.id) throw errors.connectionNotFound(connectionId);
  return connection;
}
