import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/index.js';
import { currentStaff } from '../../auth/context.js';
import type { Db } from '../../db/database.js';
import type { BffDeps } from '../../deps.js';
import { notFound } from '../../http/api-error.js';
import { listQueryDoc, uuid } from '../../http/params.js';
import { readJsonBody, readParam } from '../../http/request-input.js';
import { listResponse, parseListQuery } from '../../http/simple-rest.js';
import { rows } from '../../mirror/db/sql.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { insertNote, listNotes, noteById } from './queries.js';
import { createNoteSchema, noteFilterSchema, noteRecordSchema, type CreateNoteInput } from './schemas.js';

const FILTER_DOC = "{ targetType? ('error-group' | 'connection'), targetId?, id? }";

/** Notes are only taken on what the mirror knows: an error group it has seen, a connection it holds. */
async function targetExists(db: Db, input: CreateNoteInput): Promise<{ companyId?: string; connectionId?: string } | undefined> {
  if (input.targetType === 'error-group') {
    const found = await rows(db, sql`select 1 from mirror_connection_errors where group_id = ${input.targetId} limit 1`);
    return found.length > 0 ? {} : undefined;
  }
  const [connection] = await rows<{ companyId: string }>(db, sql`select company_id as "companyId" from mirror_connections where id = ${input.targetId}`);
  return connection && { companyId: connection.companyId, connectionId: input.targetId };
}

/** Staff notes on error groups and connections. Append-only: a note is never edited; each is audited. */
export function notesRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const { db } = deps;

  app.get('/', async (c) => {
    const { filter, start, end, sort } = parseListQuery(c, noteFilterSchema, ['createdAt', 'id'] as const);
    const page = await listNotes(db, filter, { start, end, order: sort?.order ?? 'DESC' });
    return listResponse(c, 'notes', start, page.records, page.total);
  });

  app.get('/:id', async (c) => {
    const id = readParam(c, 'id', uuid, 'note id');
    const note = await noteById(db, id);
    if (!note) throw notFound(`No note ${id}.`);
    return c.json(note);
  });

  app.post('/', async (c) => {
    const input = await readJsonBody(c, createNoteSchema);
    const staff = currentStaff(c);
    const target = await targetExists(db, input);
    if (!target) throw notFound(`The mirror has no ${input.targetType} ${input.targetId} to note.`);
    const note = await db.transaction(async (tx) => {
      const created = await insertNote(tx as unknown as Db, input, { id: staff.id, email: staff.email }, new Date(deps.now()));
      await audit(c).record(
        { action: 'note.create', outcome: 'ok', target, details: { noteId: created.id, targetType: input.targetType, targetId: input.targetId, text: input.text } },
        { db: tx as unknown as Db },
      );
      return created;
    });
    return c.json(note, 201);
  });

  docs.add(
    {
      method: 'get',
      path: '/notes',
      tag: 'notes',
      list: true,
      summary: `Staff notes, newest first. filter: ${FILTER_DOC}.`,
      query: listQueryDoc(FILTER_DOC),
      response: z.array(noteRecordSchema),
    },
    { method: 'get', path: '/notes/{id}', tag: 'notes', summary: 'One note.', response: noteRecordSchema },
    {
      method: 'post',
      path: '/notes',
      tag: 'notes',
      status: 201,
      summary: 'Adds a note to an error group or a connection the mirror knows; author and time are recorded, and the note is audited.',
      body: createNoteSchema,
      response: noteRecordSchema,
    },
  );
  return app;
}
