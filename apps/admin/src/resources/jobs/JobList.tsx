import { Card, CardContent, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-admin';
import { listQuery, useApiQuery } from '../../reports/useApiQuery';
import { DateText } from '../../share/DateText';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { PagedFooter } from '../../ui/PagedFooter';
import { describeJob, type JobRecord } from './types';

const PER_PAGE = 25;

/** Bulk jobs, newest first. */
export default function JobList() {
  const [page, setPage] = useState(0);
  const { data, error, loading, total, reload } = useApiQuery<JobRecord[]>(`/jobs?${listQuery({}, [page * PER_PAGE, page * PER_PAGE + PER_PAGE - 1])}`);
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h5" component="h1">
          Bulk jobs
        </Typography>
        {loading && !data && <Loading label="Loading jobs…" />}
        {error != null && <RequestError title="Could not load jobs" error={error} onRetry={reload} />}
        {data && data.length === 0 && <Empty>No bulk job yet. Start one from a connection error group.</Empty>}
        {data && data.length > 0 && (
          <>
            <TableContainer>
              <Table size="small" aria-label="Bulk jobs">
                <TableHead>
                  <TableRow>
                    <TableCell>Job</TableCell>
                    <TableCell>Started</TableCell>
                    <TableCell>By</TableCell>
                    <TableCell>Status</TableCell>
                    <TableCell align="right">Done / skipped / failed of</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.map((job) => (
                    <TableRow key={job.id}>
                      <TableCell>
                        <Link to={`/jobs/${job.id}/show`}>
                          {job.id}: {describeJob(job)}
                        </Link>
                      </TableCell>
                      <TableCell>
                        <DateText value={job.createdAt} />
                      </TableCell>
                      <TableCell>{job.createdByEmail}</TableCell>
                      <TableCell>{job.status}</TableCell>
                      <TableCell align="right">
                        {job.counts.done} / {job.counts.skipped} / {job.counts.failed} of {job.counts.total}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            <PagedFooter total={total ?? data.length} page={page} perPage={PER_PAGE} onPageChange={setPage} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
