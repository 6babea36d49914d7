import { HttpResponse } from 'msw';

type Row = Record<string, any>;

export interface ListParams {
  filter: Record<string, unknown>;
  range: [number, number];
  sort?: [string, 'ASC' | 'DESC'];
}

/** ra-data-simple-rest's `filter`, `range` and `sort` query parameters. */
export function listParams(request: Request): ListParams {
  const url = new URL(request.url);
  const json = (name: string) => {
    const raw = url.searchParams.get(name);
    return raw ? JSON.parse(raw) : undefined;
  };
  return { filter: json('filter') ?? {}, range: json('range') ?? [0, 24], sort: json('sort') };
}

/**
 * A list answer as the BFF gives it: filter keys matched by equality (arrays: membership),
 * sorted, sliced to the range, with `Content-Range`. `match` overrides how one filter key matches.
 */
export function listResponse<T extends Row>(
  resource: string,
  request: Request,
  records: readonly T[],
  match: Record<string, (record: T, value: unknown) => boolean> = {},
) {
  const { filter, range, sort } = listParams(request);
  let rows = records.filter((record) =>
    Object.entries(filter).every(([key, value]) => {
      if (value === undefined || value === '') return true;
      if (match[key]) return match[key](record, value);
      return Array.isArray(value) ? value.includes(record[key]) : record[key] === value;
    }),
  );
  if (sort) {
    const [field, order] = sort;
    const direction = order === 'ASC' ? 1 : -1;
    rows = [...rows].sort((a, b) => (String(a[field] ?? '') < String(b[field] ?? '') ? -direction : String(a[field] ?? '') > String(b[field] ?? '') ? direction : 0));
  }
  const [start, end] = range;
  const page = rows.slice(start, end + 1);
  const last = page.length === 0 ? start : start + page.length - 1;
  return HttpResponse.json(page, { headers: { 'Content-Range': `${resource} ${start}-${last}/${rows.length}`, 'X-Total-Count': String(rows.length) } });
}

/** The BFF's error body, with the request id staff quote to support. */
export function apiError(status: number, message: string, { code = 'internal', requestId = 'req-test-1', details }: { code?: string; requestId?: string; details?: Record<string, unknown> } = {}) {
  return HttpResponse.json({ error: { code, message, requestId, ...(details ? { details } : {}) } }, { status });
}
