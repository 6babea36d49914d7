import { useEffect } from 'react';
import { Link } from 'react-admin';
import { PagedTable, usePagedQuery, type Column } from '../../ui/PagedTable';
import type { JobItemRecord } from './types';

const LABEL: Record<JobItemRecord['status'], string> = {
  pending: 'Waiting',
  attempted: 'Asked Codat',
  done: 'Refresh queued',
  skipped: 'Skipped',
  failed: 'Failed',
};

function detail(item: JobItemRecord): string {
  if (item.status === 'done')
    return `${item.pullOperationIds.length} read(s) queued${item.alreadyRunning.length ? `; already running: ${item.alreadyRunning.join(', ')}` : ''}`;
  return item.reason ?? '';
}

const COLUMNS: Column<JobItemRecord>[] = [
  {
    header: 'Company',
    cell: (item) => (
      <Link to={`/companies/${item.companyId}/show`}>{item.companyName ?? item.companyId}</Link>
    ),
  },
  { header: 'Result', cell: (item) => LABEL[item.status] },
  { header: 'Details', cell: detail },
];

/** Per-company results of a job; `version` changes with every poll so the page follows the job. */
export function JobItemsTable({ jobId, version }: { jobId: number; version: string }) {
  const list = usePagedQuery<JobItemRecord>(`/jobs/${jobId}/items`);
  const { reload } = list;
  useEffect(() => reload(), [version, reload]);
  return (
    <PagedTable
      list={list}
      label="Per-company results"
      columns={COLUMNS}
      rowKey={(item) => item.id}
      loadingLabel="Loading per-company results…"
      errorTitle="Could not load per-company results"
    />
  );
}
