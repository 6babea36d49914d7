import type { Context } from 'hono';
import { readParam } from '../query/read-param.js';
import { errors } from './errors.js';

export const MAX_PAGE_SIZE = 5000;
export const DEFAULT_PAGE_SIZE = 100;

export interface Paging {
  page: number;
  pageSize: number;
}

function readInt(c: Context, name: string, fallback: number): number {
  const raw = readParam(c, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw errors.invalidRequest(`The value '${raw}' is not valid for ${name}.`);
  }
  return Number(raw);
}

export function parsePaging(c: Context): Paging {
  const page = readInt(c, 'page', 1);
  const pageSize = readInt(c, 'pageSize', DEFAULT_PAGE_SIZE);
  if (page < 1) throw errors.invalidRequest('page must be greater than or equal to 1.');
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw errors.invalidRequest(`pageSize must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return { page, pageSize };
}

export interface PagedEnvelope<T> {
  results: T[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links: Record<'self' | 'current' | 'next' | 'previous', { href: string } | undefined>;
}

/** Codat's paging envelope: `self` is the bare path; `next`/`previous` only when they exist. */
export function paginate<T, R>(
  path: string,
  items: readonly T[],
  { page, pageSize }: Paging,
  render: (item: T) => R,
): PagedEnvelope<R> {
  const start = (page - 1) * pageSize;
  const results = items.slice(start, start + pageSize).map(render);
  const href = (p: number) => ({ href: `${path}?page=${p}&pageSize=${pageSize}` });
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  const links: PagedEnvelope<R>['_links'] = {
    self: { href: path },
    current: href(page),
    next: page < lastPage ? href(page + 1) : undefined,
    previous: page > 1 ? href(Math.min(page - 1, lastPage)) : undefined,
  };
  for (const key of ['next', 'previous'] as const) if (!links[key]) delete links[key];
  return { results, pageNumber: page, pageSize, totalResults: items.length, _links: links };
}
