import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { likeContains } from '../../db/like.js';
import { staffUsers } from '../../db/schema/index.js';
import type { ListQuery } from '../../http/simple-rest.js';
import type { StaffRow } from '../../auth/staff-store.js';
import type { STAFF_SORT_FIELDS, StaffFilter } from './schemas.js';

function where(filter: StaffFilter): SQL | undefined {
  const ids = filter.id === undefined ? undefined : Array.isArray(filter.id) ? filter.id : [filter.id];
  return and(
    filter.q ? or(ilike(staffUsers.email, likeContains(filter.q)), ilike(staffUsers.name, likeContains(filter.q))) : undefined,
    filter.role ? eq(staffUsers.role, filter.role) : undefined,
    filter.disabled === undefined ? undefined : filter.disabled ? isNotNull(staffUsers.disabledAt) : isNull(staffUsers.disabledAt),
    ids ? inArray(staffUsers.id, ids) : undefined,
  );
}

export async function listStaff(
  db: Db,
  { filter, start, end, sort }: ListQuery<StaffFilter, (typeof STAFF_SORT_FIELDS)[number]>,
): Promise<{ rows: StaffRow[]; total: number }> {
  const condition = where(filter);
  const order = sort ?? { field: 'email', order: 'ASC' };
  const direction = order.order === 'ASC' ? asc : desc;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(staffUsers)
      .where(condition)
      .orderBy(direction(staffUsers[order.field]), asc(staffUsers.id))
      .offset(start)
      .limit(end - start + 1),
    db.select({ total: sql<number>`count(*)::int` }).from(staffUsers).where(condition),
  ]);
  return { rows, total: count?.total ?? 0 };
}
