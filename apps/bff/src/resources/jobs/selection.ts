import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../http/api-error.js';
import { array, rows } from '../../mirror/db/sql.js';
import type { JobSelection, NewJobItem } from '../../jobs/model.js';

/** The joined connections (`k`) the mirror holds as Linked and not deleted, as a JSON array. */
const LINKED_IDS = sql`coalesce(jsonb_agg(distinct k.id order by k.id) filter (where k.status = 'Linked' and k.deleted_at is null), '[]'::jsonb)`;

/**
 * The companies a job acts on, from the mirror: an error group's affected companies with those of
 * their affected connections that are Linked, or the named companies with all their Linked
 * connections. Unknown company ids are refused by name.
 */
export async function selectJobItems(db: Db, selection: JobSelection): Promise<NewJobItem[]> {
  if ('errorGroupId' in selection) {
    const items = await rows<NewJobItem>(
      db,
      sql`select e.company_id as "companyId", min(c.name) as "companyName", ${LINKED_IDS} as "connectionIds"
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
    sql`select c.id as "companyId", c.name as "companyName", ${LINKED_IDS} as "connectionIds"
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
