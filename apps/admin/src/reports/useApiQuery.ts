import { useCallback, useEffect, useState } from 'react';
import { httpClient } from '../providers/httpClient';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** The mirror's X-Mirror-Refreshed-At header: ISO text, `never`, or undefined when absent. */
  refreshedAt: string | undefined;
  /** The total from Content-Range, for paged lists. */
  total: number | undefined;
  reload: () => void;
}

function totalOf(headers: Headers): number | undefined {
  const range = headers.get('Content-Range');
  const total = range?.split('/').pop();
  return total && /^\d+$/.test(total) ? Number(total) : undefined;
}

/** A GET against the BFF (`path` under /api), re-run when the path changes; `null` skips it. */
export function useApiQuery<T>(path: string | null): ApiQuery<T> {
  const [state, setState] = useState<Omit<ApiQuery<T>, 'reload'>>({ data: undefined, error: undefined, loading: path !== null, refreshedAt: undefined, total: undefined });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    httpClient<T>(`/api${path}`).then(
      (response) => {
        if (cancelled) return;
        setState({
          data: response.json,
          error: undefined,
          loading: false,
          refreshedAt: response.headers.get('X-Mirror-Refreshed-At') ?? undefined,
          total: totalOf(response.headers),
        });
      },
      (error: unknown) => {
        if (!cancelled) setState((previous) => ({ ...previous, data: undefined, error, loading: false }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, attempt]);

  return { ...state, reload };
}

/** ra-data-simple-rest's query string for a list: filter, range, sort. */
export function listQuery(filter: Record<string, unknown>, range: [number, number], sort?: [string, 'ASC' | 'DESC']): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify(range) });
  if (sort) params.set('sort', JSON.stringify(sort));
  return params.toString();
}
