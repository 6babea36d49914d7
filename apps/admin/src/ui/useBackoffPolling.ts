import { useEffect, useRef } from 'react';

export interface BackoffOptions {
  /** The wait after a poll that found a change (and the first wait). */
  fastMs: number;
  /** The longest wait: reached by ×1.5 steps while polls find nothing new or fail. */
  slowMs: number;
  /** Poll once at the start instead of after the first wait (when nothing has loaded the data yet). */
  immediate?: boolean;
}

/** What `poll` answers to stop polling (a finished job, say). */
export const STOP_POLLING = Symbol('stop polling');

/**
 * Calls `poll` again and again while `key` stays the same (null: not at all). `poll` answers a
 * fingerprint of what it found: a new fingerprint brings the wait back to `fastMs`, the same one (or
 * a failure) stretches it ×1.5 up to `slowMs`. While the tab is hidden nothing is polled; when it
 * shows again, `poll` runs at once. The console's one polling loop: jobs, error groups and incidents use it.
 */
export function useBackoffPolling(poll: () => Promise<string | typeof STOP_POLLING>, key: string | null, { fastMs, slowMs, immediate = false }: BackoffOptions): void {
  const latest = useRef(poll);
  latest.current = poll;

  useEffect(() => {
    if (key === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wait = fastMs;
    let last: string | undefined;
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState !== 'hidden') timer = setTimeout(run, wait);
    };
    const run = async () => {
      try {
        const found = await latest.current();
        if (stopped) return;
        if (found === STOP_POLLING) return void (stopped = true);
        wait = last === undefined || found !== last ? fastMs : Math.min(slowMs, wait * 1.5);
        last = found;
      } catch {
        wait = Math.min(slowMs, wait * 1.5);
      }
      schedule();
    };
    const onVisibility = () => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState === 'visible') void run();
    };
    document.addEventListener('visibilitychange', onVisibility);
    if (immediate) void run();
    else schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, fastMs, slowMs, immediate]);
}
