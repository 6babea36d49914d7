import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/index.js';
import { mirrorSyncRuns } from '../../db/schema/mirror.js';
import type { BffDeps } from '../../deps.js';
import { conflict, notFound } from '../../http/api-error.js';
import { listQueryDoc } from '../../http/params.js';
import { readParam } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import { selectRun, toSyncRun } from '../../mirror/db/runs.js';
import { mirrorRefreshedAt, setRefreshedAt } from '../../mirror/freshness.js';
import { mirrorRuntime } from '../../mirror/runtime.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { MIRROR_SYNC_SORT_FIELDS, mirrorSyncFilterSchema, mirrorSyncRecordSchema, toMirrorSyncRecord, type MirrorSyncFilter } from './schemas.js';

const FILTER_DOC = "{ status? ('running' | 'interrupted' | 'completed' | 'abandoned'), id? }";

function condition(filter: MirrorSyncFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.status) parts.push(eq(mirrorSyncRuns.status, filter.status));
  if (filter.id !== undefined) parts.push(inArray(mirrorSyncRuns.id, [filter.id].flat()));
  return parts.length > 0 ? and(...parts) : undefined;
}

/** The mirror's sync runs and their outcome, and "sync now" (admins). */
export function mirrorSyncsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const { db } = deps;

  app.get('/', async (c) => {
    const { filter, start, end, sort } = parseListQuery(c, mirrorSyncFilterSchema, MIRROR_SYNC_SORT_FIELDS);
    const where = condition(filter);
    const direction = sort?.order === 'ASC' ? asc : desc;
    const [found, [count], refreshedAt] = await Promise.all([
      db.select().from(mirrorSyncRuns).where(where).orderBy(direction(mirrorSyncRuns.id)).limit(end - start + 1).offset(start),
      db.select({ total: sql<number>`count(*)::int` }).from(mirrorSyncRuns).where(where),
      mirrorRefreshedAt(db),
    ]);
    setRefreshedAt(c, refreshedAt);
    return listResponse(c, 'mirror-syncs', start, found.map((row) => toMirrorSyncRecord(toSyncRun(row))), count!.total);
  });

  app.get('/:id', async (c) => {
    const id = readParam(c, 'id', z.coerce.number().int().positive(), 'sync id');
    const run = await selectRun(db, id);
    if (!run) throw notFound(`No mirror sync ${id}.`);
    setRefreshedAt(c, await mirrorRefreshedAt(db));
    return c.json(toMirrorSyncRecord(run));
  });

  app.post('/', async (c) => {
    const started = await mirrorRuntime(deps).job.runNow('manual');
    if (!started) {
      await audit(c).record({ action: 'mirror-sync.start', outcome: 'refused', reason: 'a sync is already running' });
      throw conflict('A mirror sync is already running (on this or another replica); its progress is in the list.');
    }
    started.done.catch(() => undefined);
    await audit(c).record({ action: 'mirror-sync.start', outcome: 'ok', details: { runId: started.run.id, resumed: started.run.resumedCount > 0 } });
    return c.json(toMirrorSyncRecord(started.run), 202);
  });

  docs.add(
    {
      method: 'get',
      path: '/mirror-syncs',
      tag: 'mirror-syncs',
      list: true,
      summary: `Mirror sync runs, newest first: pages, companies, changes, duration, errors. filter: ${FILTER_DOC}.`,
      query: listQueryDoc(FILTER_DOC),
      response: z.array(mirrorSyncRecordSchema),
    },
    { method: 'get', path: '/mirror-syncs/{id}', tag: 'mirror-syncs', summary: 'One sync run.', response: mirrorSyncRecordSchema },
    {
      method: 'post',
      path: '/mirror-syncs',
      tag: 'mirror-syncs',
      status: 202,
      summary: 'Starts a sync now on this replica (or resumes an interrupted one); answers once it is under way. 409 while one runs anywhere.',
      response: mirrorSyncRecordSchema,
    },
  );
  return app;
}
