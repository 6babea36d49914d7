import { useCallback, useEffect, useRef, useState } from 'react';
import { httpClient, type HttpResponse } from '../providers/httpClient';
import { useBackoffPolling, type BackoffOptions } from '../ui/useBackoffPolling';

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

const answered = <T,>(response: HttpResponse<T>): Omit<ApiQuery<T>, 'reload'> => ({
  data: response.json,
  error: undefined,
  loading: false,
  refreshedAt: response.headers.get('X-Mirror-Refreshed-At') ?? undefined,
  total: totalOf(response.headers),
});

/** How long a read started at boot waits for the screen that asks for it before it is dropped. */
const BOOT_READ_KEPT_MS = 10_000;
/** Reads started at boot by path, each handed to the first useApiQuery that asks for it. */
const bootReads = new Map<string, Promise<HttpResponse<unknown>>>();

/** Starts a GET (`path` under /api) before the screen that makes it has rendered (boot.ts). */
export function prefetchApi(path: string): void {
  const read = httpClient(`/api${path}`);
  read.catch(() => undefined);
  bootReads.set(path, read);
  setTimeout(() => {
    if (bootReads.get(path) === read) bootReads.delete(path);
  }, BOOT_READ_KEPT_MS);
}

function takeBootRead<T>(path: string): Promise<HttpResponse<T>> | undefined {
  const read = bootReads.get(path);
  bootReads.delete(path);
  return read as Promise<HttpResponse<T>> | undefined;
}

/**
 * A GET against the BFF (`path` under /api), re-run when the path changes; `null` skips it. The
 * first run takes the read boot started for the same path, if there is one. With
 * `live`, it is polled in the background once loaded (useBackoffPolling); a failed poll keeps what is shown.
 */
export function useApiQuery<T>(path: string | null, live?: BackoffOptions): ApiQuery<T> {
  const [state, setState] = useState<Omit<ApiQuery<T>, 'reload'>>({ data: undefined, error: undefined, loading: path !== null, refreshedAt: undefined, total: undefined });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    (takeBootRead<T>(path) ?? httpClient<T>(`/api${path}`)).then(
      (response) => {
        if (!cancelled) setState(answered(response));
      },
      (error: unknown) => {
        if (!cancelled) setState((previous) => ({ ...previous, data: undefined, error, loading: false }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, attempt]);

  const current = useRef(path);
  current.current = path;
  const loaded = state.data !== undefined && !state.loading;
  useBackoffPolling(
    async () => {
      const polled = path;
      const response = await httpClient<T>(`/api${polled}`);
      if (current.current === polled) setState(answered(response));
      return `${JSON.stringify(response.json)} ${response.headers.get('Content-Range') ?? ''}`;
    },
    live && loaded && path !== null ? `${path}:${attempt}` : null,
    live ?? { fastMs: 0, slowMs: 0 },
  );

  return { ...state, reload };
}

/** ra-data-simple-rest's query string for a list: filter, range, sort. */
export function listQuery(filter: Record<string, unknown>, range: [number, number], sort?: [string, 'ASC' | 'DESC']): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify(range) });
  if (sort) params.set('sort', JSON.stringify(sort));
  return params.toString();
}
