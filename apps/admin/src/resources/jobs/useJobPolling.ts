import { useEffect, useState } from 'react';
import { httpClient } from '../../providers/httpClient';
import { isOpen, type JobRecord } from './types';

const FIRST_POLL_MS = 1_000;
const MAX_POLL_MS = 8_000;

/**
 * The job, polled while it is open: every second while it moves, backing off (×1.5, up to 8 s)
 * while its progress stands still or a poll fails; no polling once it has ended.
 */
export function useJobPolling(id: string, version: number): { job: JobRecord | undefined; error: unknown } {
  const [job, setJob] = useState<JobRecord>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wait = FIRST_POLL_MS;
    let last: JobRecord | undefined;
    const poll = async () => {
      try {
        const { json } = await httpClient<JobRecord>(`/api/jobs/${encodeURIComponent(id)}`);
        if (stopped) return;
        setJob(json);
        setError(undefined);
        wait = last && last.progress === json.progress && last.status === json.status ? Math.min(MAX_POLL_MS, wait * 1.5) : FIRST_POLL_MS;
        last = json;
        if (isOpen(json)) timer = setTimeout(poll, wait);
      } catch (caught) {
        if (stopped) return;
        setError(caught);
        wait = Math.min(MAX_POLL_MS, wait * 1.5);
        timer = setTimeout(poll, wait);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, version]);

  return { job, error };
}
