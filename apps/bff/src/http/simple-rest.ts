import type { Context } from 'hono';
import { z } from 'zod';
import { badRequest } from './api-error.js';

/** The largest page the SPA may ask for in one list request. */
export const MAX_RANGE = 1000;

export interface ListQuery<F, S extends string> {
  filter: F;
  /** Zero-based, inclusive, as react-admin sends them. */
  start: number;
  end: number;
  sort?: { field: S; order: 'ASC' | 'DESC' };
}

function parseJsonParam(c: Context, name: string): unknown {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`The "${name}" parameter is not valid JSON.`);
  }
}

const rangeSchema = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([start, end]) => end >= start, 'range end must not be before its start')
  .refine(([start, end]) => end - start + 1 <= MAX_RANGE, `at most ${MAX_RANGE} records per page`);

/**
 * Parses ra-data-simple-rest's `filter`, `range` and `sort` query parameters. Unknown filter keys
 * and sort fields are refused with a 400 that names them.
 */
export function parseListQuery<F extends z.ZodType, S extends string>(
  c: Context,
  filterSchema: F,
  sortFields: readonly S[],
  defaultRange = 25,
): ListQuery<z.infer<F>, S> {
  const filter = filterSchema.safeParse(parseJsonParam(c, 'filter') ?? {});
  if (!filter.success) throw badRequest(`Invalid filter: ${z.prettifyError(filter.error)}`);
  const rangeRaw = parseJsonParam(c, 'range') ?? [0, defaultRange - 1];
  const range = rangeSchema.safeParse(rangeRaw);
  if (!range.success) throw badRequest(`Invalid range: ${z.prettifyError(range.error)}`);
  const sortRaw = parseJsonParam(c, 'sort');
  let sort: ListQuery<z.infer<F>, S>['sort'];
  if (sortRaw !== undefined) {
    const parsed = z.tuple([z.enum(sortFields as unknown as [S, ...S[]]), z.enum(['ASC', 'DESC'])]).safeParse(sortRaw);
    if (!parsed.success) throw badRequest(`Invalid sort: use one of ${sortFields.join(', ')} with ASC or DESC.`);
    sort = { field: parsed.data[0], order: parsed.data[1] };
  }
  return { filter: filter.data, start: range.data[0], end: range.data[1], sort };
}

/** `Content-Range: companies 0-24/319` and `X-Total-Count`, which react-admin reads for paging. */
export function listResponse<T>(c: Context, resource: string, start: number, records: T[], total: number) {
  const last = records.length === 0 ? start : start + records.length - 1;
  c.header('Content-Range', `${resource} ${start}-${last}/${total}`);
  c.header('X-Total-Count', String(total));
  return c.json(records);
}
