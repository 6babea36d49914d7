import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import { badRequest, conflict } from '../../http/api-error.js';
import { rows } from '../../mirror/db/sql.js';
import { mirrorRefreshedAt } from '../../mirror/freshness.js';
import { companyConditions } from '../../mirror/search.js';
import { companyFilterSchema } from './schemas.js';

/** The companies list's filter without `id` (a list of ids is another selection); an empty filter would be the whole fleet. */
export const bulkCompanyFilterSchema = companyFilterSchema
  .omit({ id: true })
  .refine((filter) => Boolean(filter.q?.trim() || filter.status || filter.platform), { message: 'companyFilter needs a search (q), a status or a platform.' });

/** The companies list's filter as bulk work takes it: search, status, platform (no ids). */
export type CompanyListFilter = z.infer<typeof bulkCompanyFilterSchema>;

/** The most companies a filter may match for bulk work (a refresh job, an outreach export). */
export const MAX_FILTERED_COMPANIES = 5000;

/**
 * The ids of every live company the list's filter matches in the mirror, by id, with the list's
 * own conditions. More than `limit` is refused (never cut short), as is a mirror not synced yet.
 */
export async function companiesMatching(db: Db, filter: CompanyListFilter, limit = MAX_FILTERED_COMPANIES): Promise<string[]> {
  if (!(await mirrorRefreshedAt(db))) throw conflict('The fleet mirror has not completed a sync yet, so a filter cannot be resolved; try again after the first sync.');
  const found = await rows<{ id: string }>(db, sql`select c.id from mirror_companies c where ${companyConditions(filter)} order by c.id limit ${limit + 1}`);
  if (found.length > limit) {
    throw badRequest(`The filter matches more than ${limit.toLocaleString('en-GB')} companies, the most one bulk action takes: narrow it (status, platform or search).`, { limit });
  }
  if (found.length === 0) throw badRequest('No company in the mirror matches the filter.');
  return found.map((row) => row.id);
}
