import { useState } from 'react';
import { httpClient } from '../../providers/httpClient';
import { STOP_POLLING, useBackoffPolling } from '../../ui/useBackoffPolling';
import { isOpen, type JobRecord } from './types';

/** Every second while the job moves, backing off to 8 s while its progress stands still or a poll fails. */
const JOB_POLLING = { fastMs: 1_000, slowMs: 8_000, immediate: true };

/** The job, polled while it is open; no polling once it has ended. */
export function useJobPolling(id: string, version: number): { job: JobRecord | undefined; error: unknown } {
  const [job, setJob] = useState<JobRecord>();
  const [error, setError] = useState<unknown>();

  useBackoffPolling(
    async () => {
      try {
        const { json } = await httpClient<JobRecord>(`/api/jobs/${encodeURIComponent(id)}`);
        setJob(json);
        setError(undefined);
        return isOpen(json) ? `${json.status}:${json.progress}` : STOP_POLLING;
      } catch (caught) {
        setError(caught);
        throw caught;
      }
    },
    `${id}:${version}`,
    JOB_POLLING,
  );

  return { job, error };
}
