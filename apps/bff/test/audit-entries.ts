import { asc, gt } from 'drizzle-orm';
import type { Db } from '../src/db/database.js';
import { auditEvents } from '../src/db/schema/index.js';

/** The audit log's rows after `afterId`, oldest first, read straight from the database. */
export function auditRows(db: Db, afterId = 0) {
  return db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id));
}

/** The newest entry's id, to read only what a test step wrote. */
export async function lastAuditId(db: Db): Promise<number> {
  const rows = await auditRows(db);
  return rows.at(-1)?.id ?? 0;
}
