import { Card, CardContent, Typography } from '@mui/material';
import { Link } from 'react-admin';
import { DateText } from '../../share/DateText';
import { PagedTable, usePagedQuery, type Column } from '../../ui/PagedTable';
import { describeJob, type JobRecord } from './types';

const COLUMNS: Column<JobRecord>[] = [
  {
    header: 'Job',
    cell: (job) => (
      <Link to={`/jobs/${job.id}/show`}>
        {job.id}: {describeJob(job)}
      </Link>
    ),
  },
  { header: 'Started', cell: (job) => <DateText value={job.createdAt} /> },
  { header: 'By', cell: (job) => job.createdByEmail },
  { header: 'Status', cell: (job) => job.status },
  {
    header: 'Done / skipped / failed of',
    align: 'right',
    cell: ({ counts }) =>
      `${counts.done} / ${counts.skipped} / ${counts.failed} of ${counts.total}`,
  },
];

/** Bulk jobs, newest first. */
export default function JobList() {
  const list = usePagedQuery<JobRecord>('/jobs');
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h5" component="h1">
          Bulk jobs
        </Typography>
        <PagedTable
          list={list}
          label="Bulk jobs"
          columns={COLUMNS}
          rowKey={(job) => job.id}
          loadingLabel="Loading jobs…"
          errorTitle="Could not load jobs"
          empty="No bulk job yet. Start one from a connection error group or a filtered company list."
        />
      </CardContent>
    </Card>
  );
}
