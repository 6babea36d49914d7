import type { CsvColumn } from '../../http/csv.js';
import { keysetBatches } from '../../http/csv.js';
import type { Db } from '../../db/database.js';
import { affectedConnections, type AffectedRow } from './queries.js';
import type { ErrorGroupRecord } from './schemas.js';

type GroupSummary = Omit<ErrorGroupRecord, 'trend' | 'notes'>;

export const GROUP_COLUMNS: CsvColumn<GroupSummary>[] = [
  { header: 'groupId', value: (g) => g.id },
  { header: 'platformKey', value: (g) => g.platformKey },
  { header: 'platformName', value: (g) => g.platformName },
  { header: 'statusCode', value: (g) => g.statusCode },
  { header: 'statusText', value: (g) => g.statusText },
  { header: 'sampleMessage', value: (g) => g.sampleMessage },
  { header: 'connections', value: (g) => g.connections },
  { header: 'companies', value: (g) => g.companies },
  { header: 'firstSeen', value: (g) => g.firstSeen },
  { header: 'lastSeen', value: (g) => g.lastSeen },
  { header: 'companiesLast24h', value: (g) => g.recentCompanies },
  { header: 'baselineCompaniesPerDay', value: (g) => g.baselineCompaniesPerDay },
  { header: 'probableIncident', value: (g) => g.probableIncident },
];

export const AFFECTED_COLUMNS: CsvColumn<AffectedRow>[] = [
  { header: 'companyId', value: (a) => a.companyId },
  { header: 'companyName', value: (a) => a.companyName },
  { header: 'merchantId', value: (a) => a.merchantId },
  { header: 'connectionId', value: (a) => a.connectionId },
  { header: 'connectionStatus', value: (a) => a.connectionStatus },
  { header: 'erroredOnUtc', value: (a) => a.erroredOnUtc },
  { header: 'errorMessage', value: (a) => a.errorMessage },
];

export const EXPORT_BATCH_ROWS = 2000;

/** Every connection with an active error of the group, in batches (keyset on the error row). */
export function affectedBatches(db: Db, groupId: string) {
  return keysetBatches<AffectedRow, number>((after, size) => affectedConnections(db, groupId, after, size), (row) => row.errorId, EXPORT_BATCH_ROWS);
}

/** The groups are few (one per platform × error); one batch. */
export async function* inOneBatch<Row>(rows: Promise<Row[]>): AsyncGenerator<Row[]> {
  yield await rows;
}
