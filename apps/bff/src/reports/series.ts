import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { PLATFORM_KEY_PATTERN } from '../codat/platforms.js';
import { rows } from '../mirror/db/sql.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');
const MAX_DAYS = 400;

export const seriesQuerySchema = z
  .strictObject({ from: day, to: day, platform: z.string().regex(PLATFORM_KEY_PATTERN).optional() })
  .refine(({ from, to }) => from <= to, 'from must not be after to')
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= MAX_DAYS * 86_400_000, `at most ${MAX_DAYS} days`);
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

const seriesDaySchema = z.object({ day: z.string(), byStatus: z.record(z.string(), z.number()), sandbox: z.number() });
export const seriesSchema = z.object({ refreshedAt: z.string().nullable(), from: z.string(), to: z.string(), platform: z.string().optional(), days: z.array(seriesDaySchema) });

/** Connections per status on each snapshot day in the range (sandbox counted apart). */
export async function snapshotSeries(db: Db, query: SeriesQuery): Promise<z.infer<typeof seriesDaySchema>[]> {
  const found = await rows<{ day: string; status: string; sandbox: boolean; connections: number }>(
    db,
    sql`select day::text as day, status, sandbox, sum(connections)::int as connections from mirror_snapshot_counts
        where day >= ${query.from}::date and day <= ${query.to}::date ${query.platform ? sql`and platform_key = ${query.platform}` : sql``}
        group by day, status, sandbox order by day`,
  );
  const days = new Map<string, z.infer<typeof seriesDaySchema>>();
  for (const row of found) {
    let entry = days.get(row.day);
    if (!entry) days.set(row.day, (entry = { day: row.day, byStatus: {}, sandbox: 0 }));
    if (row.sandbox) entry.sandbox += row.connections;
    else entry.byStatus[row.status] = (entry.byStatus[row.status] ?? 0) + row.connections;
  }
  return [...days.values()];
}
