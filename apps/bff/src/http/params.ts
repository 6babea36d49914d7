import type { Page } from '@console/codat-client';
import type { Context } from 'hono';
import { z } from 'zod';
import { badRequest } from './api-error.js';
import { invalidBody, readJsonBody } from './request-input.js';

/** Codat ids (companies, connections, datasets): any hyphenated hex GUID, lower-cased. */
export const uuid = z
  .guid({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a UUID such as 3f6c1d2a-8b4e-4f71-9c2d-5a1e7b9d0c11') })
  .transform((value) => value.toLowerCase());

/**
 * A JSON body that may be left out: an empty body is parsed as `undefined`, so `schema` decides
 * whether that is allowed. Anything else goes through `readJsonBody`.
 */
export async function readOptionalJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if ((await c.req.text()).trim() === '') {
    const parsed = schema.safeParse(undefined);
    if (!parsed.success) throw invalidBody(parsed.error);
    return parsed.data;
  }
  return readJsonBody(c, schema);
}

export interface CompositeId<Parts> {
  /** What an id looks like, for error messages and docs. */
  readonly pattern: string;
  format(parts: Parts): string;
  /** A 400 naming the expected pattern when `id` does not fit. */
  parse(id: string): Parts;
}

/**
 * Record ids made of several keys joined with `.`, in the order of `parts`. Every part but the
 * last must be dot-free (UUIDs are); the last is URL-encoded, so free-text keys such as
 * source-account ids survive in a URL path, and takes the rest of the id when parsing.
 */
export function compositeId<const Parts extends Record<string, z.ZodType<string, string>>>(
  parts: Parts,
): CompositeId<{ [Name in keyof Parts]: z.output<Parts[Name]> }> {
  const names = Object.keys(parts);
  const pattern = names.map((name) => `<${name}>`).join('.');
  return {
    pattern,
    format: (values) => names.map((name, i) => (i === names.length - 1 ? encodeURIComponent(values[name]!) : values[name])).join('.'),
    parse: (id) => {
      const invalid = () => badRequest(`Invalid id "${id}": expected ${pattern}.`);
      const pieces = id.split('.');
      if (pieces.length < names.length) throw invalid();
      const raw = [...pieces.slice(0, names.length - 1), pieces.slice(names.length - 1).join('.')];
      let last: string;
      try {
        last = decodeURIComponent(raw[names.length - 1]!);
      } catch {
        throw invalid();
      }
      raw[names.length - 1] = last;
      const values: Record<string, string> = {};
      for (const [i, name] of names.entries()) {
        const parsed = parts[name]!.safeParse(raw[i]);
        if (!parsed.success) throw invalid();
        values[name] = parsed.data;
      }
      return values as { [Name in keyof Parts]: z.output<Parts[Name]> };
    },
  };
}

/**
 * Records `start`–`end` (zero-based, inclusive, as react-admin sends them) from a Codat paged
 * list. Codat pages are 1-based and all the same size, so a range aligned to its own length (what
 * react-admin asks for) is one page; an unaligned one spans at most two.
 */
export async function codatRange<Item>(
  start: number,
  end: number,
  fetchPage: (page: number, pageSize: number) => Promise<Page<Item>>,
): Promise<{ records: Item[]; total: number }> {
  const pageSize = end - start + 1;
  const firstPage = Math.floor(start / pageSize) + 1;
  const lastPage = Math.floor(end / pageSize) + 1;
  const pages = await Promise.all(
    Array.from({ length: lastPage - firstPage + 1 }, (_, i) => fetchPage(firstPage + i, pageSize)),
  );
  const skip = start - (firstPage - 1) * pageSize;
  return {
    records: pages.flatMap((page) => page.results).slice(skip, skip + pageSize),
    total: pages[0]?.totalResults ?? 0,
  };
}

/** How ra-data-simple-rest's list parameters appear in the OpenAPI document. */
export function listQueryDoc(filterDescription: string) {
  return z.object({
    filter: z.string().describe(`JSON object: ${filterDescription}`),
    range: z.string().optional().describe('JSON [start, end], zero-based and inclusive; default [0, 24].'),
    sort: z.string().optional().describe('JSON [field, "ASC" | "DESC"].'),
  });
}
