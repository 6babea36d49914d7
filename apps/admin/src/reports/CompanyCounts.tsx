import { Typography } from '@mui/material';
import { Link } from 'react-admin';
import { PagedTable, usePagedQuery, type Column } from '../ui/PagedTable';
import type { CompanyCountRecord } from './types';

const COLUMNS: Column<CompanyCountRecord>[] = [
  {
    header: 'Company',
    cell: (row) => (
      <>
        {row.companyDeleted ? (
          `${row.name ?? row.id} (deleted)`
        ) : (
          <Link to={`/companies/${row.id}/show`}>{row.name ?? row.id}</Link>
        )}
        {row.withoutConnections && ' (no connections)'}
      </>
    ),
  },
  { header: 'Merchant id', cell: (row) => row.merchantId ?? '—' },
  { header: 'Platforms', cell: (row) => row.platformNames.join(', ') || '—' },
  { header: 'Connections', align: 'right', cell: (row) => row.connections },
  { header: 'Linked at month end', align: 'right', cell: (row) => row.linkedAtMonthEnd },
  { header: 'Billable candidates', align: 'right', cell: (row) => row.billableConnections },
  { header: 'Sandbox', align: 'right', cell: (row) => row.sandboxConnections },
];

/** Per-company counts for the month, most connections first, a page at a time. */
export function CompanyCounts({
  reportQuery,
  companies,
  withoutConnections,
}: {
  reportQuery: string;
  companies: number;
  withoutConnections: number;
}) {
  const list = usePagedQuery<CompanyCountRecord>('/reports/connection-counts/companies', {
    sort: ['connections', 'DESC'],
    extra: reportQuery,
  });
  return (
    <>
      <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
        By company
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {companies} companies existed during the month&apos;s snapshots, {withoutConnections} of
        them without any connection (listed last, marked); the per-company export has exactly these
        rows.
      </Typography>
      <PagedTable
        list={list}
        label="Connections by company"
        columns={COLUMNS}
        rowKey={(row) => row.id}
        loadingLabel="Loading per-company counts…"
        errorTitle="Could not load per-company counts"
        empty="No company had a connection this month."
      />
    </>
  );
}
