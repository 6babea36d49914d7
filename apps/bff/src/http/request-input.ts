import type { Context } from 'hono';
import { z } from 'zod';
import { badRequest } from './api-error.js';

/**
 * A 400 for a body `schema` refused: fields the route does not take are named first (and in
 * `details.unknownFields`), so a misspelt field is never silently dropped.
 */
export function invalidBody(error: z.ZodError) {
  const unknownFields = error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key].join('.')) : []));
  const others = error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
  const parts = [
    ...(unknownFields.length ? [`unknown field${unknownFields.length > 1 ? 's' : ''} ${unknownFields.map((name) => `"${name}"`).join(', ')} (not accepted here)`] : []),
    ...(others.length ? [z.prettifyError(new z.ZodError(others))] : []),
  ];
  return badRequest(`Invalid request body: ${parts.join('; ')}`, unknownFields.length ? { unknownFields } : undefined);
}

/** The request's JSON body parsed with `schema`; a 400 naming the problems otherwise. */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw badRequest('The request body must be JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidBody(parsed.error);
  return parsed.data;
}

/** A path parameter parsed with `schema`; a 400 naming the parameter otherwise. */
export function readParam<S extends z.ZodType>(c: Context, name: string, schema: S, what = name): z.infer<S> {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw badRequest(`Invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The query string parsed with `schema` (one value per name); a 400 naming the problems otherwise. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw badRequest(`Invalid query: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Most ids one getMany (`filter={"id":[…]}`) may ask for. */
export const MAX_IDS_PER_REQUEST = 100;

/** The `id` filter react-admin's getMany sends: one id or a bounded list of them. */
export function idsFilter<S extends z.ZodType<string, string>>(id: S) {
  return z.union([id, z.array(id).min(1).max(MAX_IDS_PER_REQUEST)]);
}
