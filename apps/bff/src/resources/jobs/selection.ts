import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../http/api-error.js';
import { array, rows } from '../../mirror/db/sql.js';
import type { JobSelection, NewJobItem } from '../../jobs/model.js';
import { companiesMatching } from '../companies/filter-matches.js';

/** The joined connections (`k`) the mirror holds as Linked and not deleted (of one platform, when named), as a JSON array. */
const linkedIds = (platform?: string) =>
  sql`coalesce(jsonb_agg(distinct k.id order by k.id) filter (where k.status = 'Linked' and k.deleted_at is null ${platform ? sql`and k.platform_key = ${platform}` : sql``}), '[]'::jsonb)`;

/** The named live companies with their Linked connections (of `platform` only, when given). */
function companiesWithLinked(db: Db, ids: string[], platform?: string): Promise<NewJobItem[]> {
  return rows<NewJobItem>(
    db,
    sql`select c.id as "companyId", c.name as "companyName", ${linkedIds(platform)} as "connectionIds"
        from mirror_companies c left join mirror_connections k on k.company_id = c.id
        where c.id = any(${array(ids, 'text')}) and c.deleted_at is null
        group by c.id, c.name order by c.id`,
  );
}

/**
 * The companies a job acts on, from the mirror: an error group's affected companies with those of
 * their affected connections that are Linked, the named companies with all their Linked
 * connections, or the companies a list filter matches. Unknown company ids are refused by name.
 */
export async function selectJobItems(db: Db, selection: JobSelection, filterLimit?: number): Promise<NewJobItem[]> {
  if ('companyFilter' in selection) return companiesWithLinked(db, await companiesMatching(db, selection.companyFilter, filterLimit), selection.companyFilter.platform);
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
  const items = await companiesWithLinked(db, ids);
  const unknown = ids.filter((id) => !items.some((item) => item.companyId === id));
  if (unknown.length > 0) {
    throw badRequest(`${unknown.length} of the companies are not in the mirror (deleted, or not synced yet): ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}.`, { unknown: unknown.slice(0, 100) });
  }
  return items;
}
