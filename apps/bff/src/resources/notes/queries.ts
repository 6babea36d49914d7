import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { mirrorNotes } from '../../db/schema/mirror.js';
import type { CreateNoteInput, NoteRecord, NoteTargetType } from './schemas.js';

type NoteRow = typeof mirrorNotes.$inferSelect;

export function toNoteRecord(row: NoteRow): NoteRecord {
  return { ...row, targetType: row.targetType as NoteTargetType, createdAt: row.createdAt.toISOString() };
}

export async function insertNote(db: Db, input: CreateNoteInput, author: { id: string; email: string }, at: Date): Promise<NoteRecord> {
  const [row] = await db
    .insert(mirrorNotes)
    .values({ id: randomUUID(), ...input, authorId: author.id, authorEmail: author.email, createdAt: at })
    .returning();
  return toNoteRecord(row!);
}

/** Notes on these targets, oldest first, grouped by target id. */
export async function notesFor(db: Db, targetType: NoteTargetType, targetIds: readonly string[]): Promise<Map<string, NoteRecord[]>> {
  const byTarget = new Map<string, NoteRecord[]>();
  if (targetIds.length === 0) return byTarget;
  const found = await db
    .select()
    .from(mirrorNotes)
    .where(and(eq(mirrorNotes.targetType, targetType), inArray(mirrorNotes.targetId, [...new Set(targetIds)])))
    .orderBy(asc(mirrorNotes.createdAt));
  for (const row of found) {
    const list = byTarget.get(row.targetId) ?? [];
    list.push(toNoteRecord(row));
    byTarget.set(row.targetId, list);
  }
  return byTarget;
}

export async function listNotes(
  db: Db,
  filter: { targetType?: NoteTargetType; targetId?: string; id?: string | string[] },
  page: { start: number; end: number; order: 'ASC' | 'DESC' },
): Promise<{ records: NoteRecord[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.targetType) conditions.push(eq(mirrorNotes.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(mirrorNotes.targetId, filter.targetId.toLowerCase()));
  if (filter.id) conditions.push(inArray(mirrorNotes.id, [filter.id].flat()));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [found, [count]] = await Promise.all([
    db
      .select()
      .from(mirrorNotes)
      .where(where)
      .orderBy(sql`${mirrorNotes.createdAt} ${sql.raw(page.order)}`, asc(mirrorNotes.id))
      .limit(page.end - page.start + 1)
      .offset(page.start),
    db.select({ total: sql<number>`count(*)::int` }).from(mirrorNotes).where(where),
  ]);
  return { records: found.map(toNoteRecord), total: count!.total };
}

export async function noteById(db: Db, id: string): Promise<NoteRecord | undefined> {
  const [row] = await db.select().from(mirrorNotes).where(eq(mirrorNotes.id, id));
  return row && toNoteRecord(row);
}
