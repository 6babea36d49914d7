import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { keysetBatches } from '../../http/csv.js';
import { array, rows } from '../../mirror/db/sql.js';
import { errorText, type OutreachSubject } from '../connection-error-groups/outreach.js';
import type { CompanyListFilter } from './filter-matches.js';

const BATCH_ROWS = 2000;

type SubjectRow = Omit<OutreachSubject, 'error'> & { statusCode: string | null; statusText: string | null; errorMessage: string | null };

/**
 * The live connections of the matched companies, by connection id, with each one's newest active
 * error: those of the filter's status and platform when it names them (what the list matched on).
 */
export async function* filteredOutreachSubjects(db: Db, merchantIdTag: string, companyIds: string[], filter: CompanyListFilter): AsyncGenerator<OutreachSubject[]> {
  const status = filter.status && filter.status !== 'NoConnections' ? sql`and k.status = ${filter.status}` : sql``;
  const platform = filter.platform ? sql`and k.platform_key = ${filter.platform}` : sql``;
  const batches = keysetBatches<SubjectRow, string>(
    (after, size) =>
      rows<SubjectRow>(
        db,
        sql`select k.company_id as "companyId", c.name as "companyName", c.tags ->> ${merchantIdTag} as "merchantId", k.id as "connectionId",
              k.status as "connectionStatus", k.platform_key as "platformKey", k.platform_name as "platformName",
              e.status_code as "statusCode", e.status_text as "statusText", e.error_message as "errorMessage"
            from mirror_connections k join mirror_companies c on c.id = k.company_id
            left join lateral (select status_code, status_text, error_message from mirror_connection_errors
              where connection_id = k.id and active order by errored_at desc nulls last limit 1) e on true
            where k.company_id = any(${array(companyIds, 'text')}) and k.deleted_at is null ${status} ${platform} and k.id > ${after ?? ''}
            order by k.id limit ${size}`,
      ),
    (row) => row.connectionId,
    BATCH_ROWS,
  );
  for await (const batch of batches) {
    yield batch.map(({ statusCode, statusText, errorMessage, ...row }) => ({ ...row, error: errorText(statusCode, statusText, errorMessage) }));
  }
}
