import type { Context } from 'hono';

/** Reads a query-string parameter by case-insensitive name (`orderby` appears in Codat's docs). */
export function readParam(c: Context, name: string): string | undefined {
  const url = new URL(c.req.url);
  const wanted = name.toLowerCase();
  let value: string | undefined;
  for (const [key, v] of url.searchParams) if (key.toLowerCase() === wanted) value = v;
  return value;
}
