import { z } from 'zod';

/**
 * An enum that stays open: the known values give autocompletion and exhaustiveness hints, but
 * any string parses, so a status Codat adds tomorrow is kept (and rendered) instead of failing
 * a whole list. The known values are exported next to each schema for code that needs them.
 */
export function openEnum<const Known extends readonly string[]>(_known: Known) {
  return z.string() as unknown as z.ZodType<Known[number] | (string & {}), string>;
}

/**
 * Codat timestamps come with 0–7 fractional digits, with or without an offset, or date-only.
 * Kept verbatim for display; `parseCodatDate` turns one into a `Date` when arithmetic is needed.
 */
export const codatDate = z.string();

export const optionalString = z.string().nullish();

export const optionalNumber = z.number().nullish();

export const optionalBoolean = z.boolean().nullish();

/** Codat declares some codes as strings and sends others as integers; both are kept as sent. */
export const statusCode = z.union([z.number(), z.string()]);

const hypertextReference = z.looseObject({ href: optionalString });

/** The paged envelope. `_links` is informational only: paging uses the counts. */
export interface Page<Item> {
  results: Item[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links?: {
    self?: { href?: string | null } | null;
    current?: { href?: string | null } | null;
    next?: { href?: string | null } | null;
    previous?: { href?: string | null } | null;
  } | null;
  [unknownField: string]: unknown;
}

export function pageOf<Item>(item: z.ZodType<Item>): z.ZodType<Page<Item>> {
  return z.looseObject({
    results: z.array(item),
    pageNumber: z.number(),
    pageSize: z.number(),
    totalResults: z.number(),
    _links: z
      .looseObject({
        self: hypertextReference.nullish(),
        current: hypertextReference.nullish(),
        next: hypertextReference.nullish(),
        previous: hypertextReference.nullish(),
      })
      .nullish(),
  });
}
