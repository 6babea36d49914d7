import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link } from 'react-admin';
import { listQuery, useApiQuery } from '../../reports/useApiQuery';
import { Loading, RequestError } from '../../ui/ListStates';
import { PagedFooter } from '../../ui/PagedFooter';
import type { JobItemRecord } from './types';

const PER_PAGE = 25;
const LABEL: Record<JobItemRecord['status'], string> = {
  pending: 'Waiting',
  attempted: 'Asked Codat',
  done: 'Refresh queued',
  skipped: 'Skipped',
  failed: 'Failed',
};

function detail(item: JobItemRecord): string {
  if (item.status === 'done') return `${item.pullOperationIds.length} read(s) queued${item.alreadyRunning.length ? `; already running: ${item.alreadyRunning.join(', ')}` : ''}`;
  return item.reason ?? '';
}

/** Per-company results of a job; `version` changes with every poll so the page follows the job. */
export function JobItemsTable({ jobId, version }: { jobId: number; version: string }) {
  const [page, setPage] = useState(0);
  const query = listQuery({}, [page * PER_PAGE, page * PER_PAGE + PER_PAGE - 1]);
  const { data, error, loading, total, reload } = useApiQuery<JobItemRecord[]>(`/jobs/${jobId}/items?${query}`);
  useEffect(() => reload(), [version, reload]);
  if (loading && !data) return <Loading label="Loading per-company results…" />;
  if (error != null) return <RequestError title="Could not load per-company results" error={error} onRetry={reload} />;
  if (!data) return null;
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label="Per-company results">
          <TableHead>
            <TableRow>
              <TableCell>Company</TableCell>
              <TableCell>Result</TableCell>
              <TableCell>Details</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((item) => (
              <TableRow key={item.id}>
                <TableCell>
                  <Link to={`/companies/${item.companyId}/show`}>{item.companyName ?? item.companyId}</Link>
                </TableCell>
                <TableCell>{LABEL[item.status]}</TableCell>
                <TableCell>{detail(item)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <PagedFooter total={total ?? data.length} page={page} perPage={PER_PAGE} onPageChange={setPage} />
    </>
  );
}
