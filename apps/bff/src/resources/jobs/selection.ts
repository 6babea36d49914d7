import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { badRequest, conflict, notFound } from '../../http/api-error.js';
import { array, rows } from '../../mirror/db/sql.js';
import { mirrorRefreshedAt } from '../../mirror/freshness.js';
import { companyConditions } from '../../mirror/search.js';
import type { CompanyListFilter, JobSelection, NewJobItem } from '../../jobs/model.js';
import { MAX_JOB_COMPANIES } from './schemas.js';

/** The joined connections (`k`) the mirror holds as Linked and not deleted (of one platform, when named), as a JSON array. */
const linkedIds = (platform?: string) =>
  sql`coalesce(jsonb_agg(distinct k.id order by k.id) filter (where k.status = 'Linked' and k.deleted_at is null ${platform ? sql`and k.platform_key = ${platform}` : sql``}), '[]'::jsonb)`;

/**
 * Every company matching the companies list's filter, up to `limit` (more is refused,
 * not cut short), with its Linked connections: of the filter's platform when it names one.
 */
async function filteredCompanies(db: Db, filter: CompanyListFilter, limit: number): Promise<NewJobItem[]> {
  if (!(await mirrorRefreshedAt(db))) throw conflict('The fleet mirror has not completed a sync yet, so a filter cannot be resolved; try again after the first sync.');
  const items = await rows<NewJobItem>(
    db,
    sql`with matched as (select c.id, c.name from mirror_companies c where ${companyConditions(filter)} order by c.id limit ${limit + 1})
        select m.id as "companyId", m.name as "companyName", ${linkedIds(filter.platform)} as "connectionIds"
        from matched m left join mirror_connections k on k.company_id = m.id
        group by m.id, m.name order by m.id`,
  );
  if (items.length > limit) {
    throw badRequest(`The filter matches more than ${limit.toLocaleString('en-GB')} companies, the most one job acts on: narrow it (status, platform or search).`, { limit });
  }
  if (items.length === 0) throw badRequest('No company in the mirror matches the filter.');
  return items;
}

/**
 * The companies a job acts on, from the mirror: an error group's affected companies with those of
 * their affected connections that are Linked, the named companies with all their Linked
 * connections, or the companies a list filter matches. Unknown company ids are refused by name.
 */
export async function selectJobItems(db: Db, selection: JobSelection, filterLimit = MAX_JOB_COMPANIES): Promise<NewJobItem[]> {
  if ('companyFilter' in selection) return filteredCompanies(db, selection.companyFilter, filterLimit);
  if ('errorGroupId' in selection) {
    const items = await rows<NewJobItem>(
      db,
      sql`select e.company_id as "companyId", min(c.name) as "companyName", ${linkedIds()} as "connectionIds"
          from mirror_connection_errors e
          join mirror_connections k on k.id = e.connection_id
          left join mirror_companies c on c.id = e.company_id
          where e.group_id = ${selection.errorGroupId} and e.active
          group by e.company_id order by e.company_id`,
    );
    if (items.length === 0) throw notFound(`Error group ${selection.errorGroupId} affects no company now.`);
    return items;
  }
  const ids = [...new Set(selection.companyIds.map((id) => id.toLowerCase()))];
  const items = await rows<NewJobItem>(
    db,
    sql`select c.id as "companyId", c.name as "companyName", ${linkedIds()} as "connectionIds"
        from mirror_companies c left join mirror_connections k on k.company_id = c.id
        where c.id = any(${array(ids, 'text')}) and c.deleted_at is null
        group by c.id, c.name order by c.id`,
  );
  const unknown = ids.filter((id) => !items.some((item) => item.companyId === id));
  if (unknown.length > 0) {
    throw badRequest(`${unknown.length} of the companies are not in the mirror (deleted, or not synced yet): ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}.`, { unknown: unknown.slice(0, 100) });
  }
  return items;
}
