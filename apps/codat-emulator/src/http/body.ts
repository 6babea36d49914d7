import type { Context } from 'hono';
import type { z } from 'zod';
import { errors, type ValidationItem } from './errors.js';

/** Parses a JSON body against a schema; malformed JSON or a wrong shape is Codat's 400. */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.infer<S>> {
  const text = await c.req.text();
  let json: unknown;
  if (text.trim() === '') {
    if (!options.optional) throw errors.invalidRequest('a request body is required.');
    json = undefined;
  } else {
    try {
      json = JSON.parse(text);
    } catch {
      throw errors.invalidRequest('the request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const items: ValidationItem[] = parsed.error.issues.map((issue) => ({
      itemId: issue.path.join('.') || null,
      message: issue.message,
      validatorName: 'RequestValidator',
    }));
    throw errors.invalidRequest('not valid.', items);
  }
  return parsed.data;
}
