import { Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useParams } from 'react-admin';
import { Loading, RequestError } from '../../ui/ListStates';
import { formatDateTime } from '../../ui/format';
import { JobControls } from './JobControls';
import { JobItemsTable } from './JobItemsTable';
import { describeJob, isOpen } from './types';
import { useJobPolling } from './useJobPolling';

const STATUS: Record<string, string> = { queued: 'Waiting for a server to start it', running: 'Running', cancelled: 'Cancelled', completed: 'Finished' };

/** One bulk job: a live progress bar (polled), its counts, per-company results, cancel and resume. */
export default function JobShow() {
  const { id = '' } = useParams<{ id: string }>();
  const [version, setVersion] = useState(0);
  const { job, error } = useJobPolling(id, version);

  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Link to="/jobs">Back to bulk jobs</Link>
        {!job && error == null && <Loading label="Loading the job…" />}
        {error != null && <RequestError title="Could not load this job (retrying)" error={error} />}
        {job && (
          <>
            <Typography variant="h5" component="h1" sx={{ mt: 1 }}>
              Job {job.id}: {describeJob(job)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Started by {job.createdByEmail ?? 'unknown'} at {formatDateTime(job.createdAt)}
              {job.finishedAt ? `; finished ${formatDateTime(job.finishedAt)}` : ''}.
            </Typography>
            <Box sx={{ my: 2 }}>
              <Typography variant="body1">
                {STATUS[job.status] ?? job.status}: {job.counts.done + job.counts.skipped + job.counts.failed} of {job.counts.total} companies
              </Typography>
              <LinearProgress
                variant="determinate"
                value={Math.round(job.progress * 100)}
                aria-label="Job progress"
                sx={{ height: 10, borderRadius: 1, mt: 1 }}
                color={job.counts.failed > 0 ? 'warning' : 'primary'}
              />
              <Typography variant="body2" sx={{ mt: 1 }}>
                {job.counts.done} refresh queued · {job.counts.skipped} skipped · {job.counts.failed} failed
                {isOpen(job) ? ` · ${job.counts.pending + job.counts.attempted} to go` : ''}
              </Typography>
            </Box>
            <JobControls job={job} onChanged={() => setVersion((n) => n + 1)} />
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
              Per-company results
            </Typography>
            <JobItemsTable jobId={job.id} version={`${job.status}:${job.progress}`} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
