import { codatTimestamp } from '../src/domain/dates.js';
import { newId } from '../src/domain/ids.js';
import type { Emulator } from '../src/emulator.js';
import type { CompanyRecord, ConnectionRecord, ConnectionStatus } from '../src/store/types.js';

/** Records written straight into the store, so tests do not depend on other routes. */
export function storeCompany(emu: Emulator, name = 'Acme Ltd'): CompanyRecord {
  const now = emu.clock.now();
  const company: CompanyRecord = {
    id: newId(),
    name,
    description: '',
    created: codatTimestamp(now, 'seconds'),
    createdMs: now,
    products: [],
    connectionIds: [],
  };
  emu.store.addCompany(company);
  return company;
}

export function storeConnection(
  emu: Emulator,
  company: CompanyRecord,
  integrationKey: string,
  status: ConnectionStatus = 'Linked',
): ConnectionRecord {
  const now = emu.clock.now();
  const connection: ConnectionRecord = {
    id: newId(),
    companyId: company.id,
    integrationKey,
    status,
    created: codatTimestamp(now, 'seconds'),
    createdMs: now,
    errors: [],
    otps: [],
  };
  emu.store.addConnection(connection);
  return connection;
}
