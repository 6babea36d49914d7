import type { CsvColumn } from '../http/csv.js';
import type { ChangeRecord } from './month-changes.js';
import type { CompanyCountRecord, ConnectionCountRow, DuplicateCompany, DuplicateRecord } from './schemas.js';

export const COUNT_COLUMNS: CsvColumn<ConnectionCountRow>[] = [
  { header: 'status', value: (r) => r.status },
  { header: 'platformName', value: (r) => r.platformName },
  { header: 'platformKey', value: (r) => r.platformKey },
  { header: 'sourceType', value: (r) => r.sourceType },
  { header: 'sandbox', value: (r) => r.sandbox },
  { header: 'connections', value: (r) => r.connections },
  { header: 'companies', value: (r) => r.companies },
  { header: 'billableConnections', value: (r) => r.billableConnections },
];

export const COMPANY_COUNT_COLUMNS: CsvColumn<CompanyCountRecord>[] = [
  { header: 'companyId', value: (r) => r.id },
  { header: 'name', value: (r) => r.name },
  { header: 'merchantId', value: (r) => r.merchantId },
  { header: 'companyDeleted', value: (r) => r.companyDeleted },
  { header: 'withoutConnections', value: (r) => r.withoutConnections },
  { header: 'connections', value: (r) => r.connections },
  { header: 'linkedAtMonthEnd', value: (r) => r.linkedAtMonthEnd },
  { header: 'billableConnections', value: (r) => r.billableConnections },
  { header: 'sandboxConnections', value: (r) => r.sandboxConnections },
  { header: 'platforms', value: (r) => r.platformNames.join('; ') },
  { header: 'platformKeys', value: (r) => r.platforms.join(' ') },
];

type DuplicateRow = { group: DuplicateRecord; company: DuplicateCompany };

/** One CSV row per company per group. */
export const duplicateRows = (groups: DuplicateRecord[]): DuplicateRow[] => groups.flatMap((group) => group.companies.map((company) => ({ group, company })));

export const DUPLICATE_COLUMNS: CsvColumn<DuplicateRow>[] = [
  { header: 'reason', value: (r) => r.group.reason },
  { header: 'key', value: (r) => r.group.key },
  { header: 'explanation', value: (r) => r.group.explanation },
  { header: 'companyId', value: (r) => r.company.id },
  { header: 'companyName', value: (r) => r.company.name },
  { header: 'merchantId', value: (r) => r.company.merchantId },
  { header: 'created', value: (r) => r.company.created },
  { header: 'connections', value: (r) => r.company.connections },
  { header: 'linkedConnections', value: (r) => r.company.linkedConnections },
  { header: 'platforms', value: (r) => r.company.platforms.join(' ') },
  { header: 'samePlatformConnectionIds', value: (r) => r.group.connections.map((connection) => connection.id).join(' ') },
];

export const CHANGE_COLUMNS: CsvColumn<ChangeRecord>[] = [
  { header: 'change', value: (r) => r.kind },
  { header: 'connectionId', value: (r) => r.id },
  { header: 'companyId', value: (r) => r.companyId },
  { header: 'companyName', value: (r) => r.companyName },
  { header: 'platformName', value: (r) => r.platformName },
  { header: 'platformKey', value: (r) => r.platformKey },
  { header: 'sourceType', value: (r) => r.sourceType },
  { header: 'fromStatus', value: (r) => r.fromStatus },
  { header: 'toStatus', value: (r) => r.toStatus },
];
