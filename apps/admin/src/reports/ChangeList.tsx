import { Typography } from '@mui/material';
import { Link } from 'react-admin';
import { StatusPill } from '../resources/connections/StatusPill';
import { PagedTable, usePagedQuery, type Column } from '../ui/PagedTable';
import { ExportLink } from './ExportLink';
import type { ChangeKind, ChangeRecord } from './types';

const TITLES: Record<ChangeKind, string> = {
  new: 'New connections',
  lost: 'Lost connections',
  relinked: 'Relinked connections',
};

const COLUMNS: Column<ChangeRecord>[] = [
  {
    header: 'Company',
    cell: (row) => (
      <Link to={`/companies/${row.companyId}/show`}>{row.companyName ?? row.companyId}</Link>
    ),
  },
  { header: 'Platform', cell: (row) => row.platformName ?? row.platformKey ?? 'Unknown platform' },
  {
    header: 'Before',
    cell: (row) => (row.fromStatus ? <StatusPill status={row.fromStatus} /> : 'not there'),
  },
  { header: 'After', cell: (row) => <StatusPill status={row.toStatus} /> },
  { header: 'Connection id', cell: (row) => row.id, sx: { fontFamily: 'monospace', fontSize: 12 } },
];

/** The connections behind one of the month's change counts, with their export. */
export function ChangeList({ kind, reportQuery }: { kind: ChangeKind; reportQuery: string }) {
  const list = usePagedQuery<ChangeRecord>('/reports/connection-counts/changes', {
    filter: { kind },
    extra: reportQuery,
  });
  const exportQuery = new URLSearchParams({ filter: JSON.stringify({ kind }) }).toString();
  return (
    <section aria-label={TITLES[kind]}>
      <Typography variant="subtitle1" component="h4" sx={{ mt: 1 }}>
        {TITLES[kind]}
      </Typography>
      <ExportLink
        href={`/api/reports/connection-counts/changes/export?${exportQuery}&${reportQuery}`}
      >{`Export ${kind} connections (CSV)`}</ExportLink>
      <PagedTable
        list={list}
        label={TITLES[kind]}
        columns={COLUMNS}
        rowKey={(row) => `${row.kind}|${row.id}`}
        loadingLabel={`Loading ${kind} connections…`}
        errorTitle={`Could not load the ${kind} connections`}
        empty={`No ${kind} connections this month.`}
      />
    </section>
  );
}
