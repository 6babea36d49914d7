import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { PagedFooter } from '../ui/PagedFooter';
import { useState } from 'react';
import { Link } from 'react-admin';
import { Empty, Loading, RequestError } from '../ui/ListStates';
import type { CompanyCountRecord } from './types';
import { listQuery, useApiQuery } from './useApiQuery';

const PER_PAGE = 25;

/** Per-company counts for the month, most connections first, a page at a time. */
export function CompanyCounts({ reportQuery, companies, withoutConnections }: { reportQuery: string; companies: number; withoutConnections: number }) {
  const [page, setPage] = useState(0);
  const query = listQuery({}, [page * PER_PAGE, page * PER_PAGE + PER_PAGE - 1], ['connections', 'DESC']);
  const { data, error, loading, total, reload } = useApiQuery<CompanyCountRecord[]>(`/reports/connection-counts/companies?${query}&${reportQuery}`);

  return (
    <>
      <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
        By company
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {companies} companies existed during the month&apos;s snapshots, {withoutConnections} of them without any connection (listed last, marked); the
        per-company export has exactly these rows.
      </Typography>
      {loading && !data && <Loading label="Loading per-company counts…" />}
      {error != null && <RequestError title="Could not load per-company counts" error={error} onRetry={reload} />}
      {data && data.length === 0 && <Empty>No company had a connection this month.</Empty>}
      {data && data.length > 0 && (
        <>
          <TableContainer>
            <Table size="small" aria-label="Connections by company">
              <TableHead>
                <TableRow>
                  <TableCell>Company</TableCell>
                  <TableCell>Merchant id</TableCell>
                  <TableCell>Platforms</TableCell>
                  <TableCell align="right">Connections</TableCell>
                  <TableCell align="right">Linked at month end</TableCell>
                  <TableCell align="right">Billable candidates</TableCell>
                  <TableCell align="right">Sandbox</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell>
                      {row.companyDeleted ? `${row.name ?? row.id} (deleted)` : <Link to={`/companies/${row.id}/show`}>{row.name ?? row.id}</Link>}
                      {row.withoutConnections && ' (no connections)'}
                    </TableCell>
                    <TableCell>{row.merchantId ?? '—'}</TableCell>
                    <TableCell>{row.platformNames.join(', ') || '—'}</TableCell>
                    <TableCell align="right">{row.connections}</TableCell>
                    <TableCell align="right">{row.linkedAtMonthEnd}</TableCell>
                    <TableCell align="right">{row.billableConnections}</TableCell>
                    <TableCell align="right">{row.sandboxConnections}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <PagedFooter total={total ?? data.length} page={page} perPage={PER_PAGE} onPageChange={setPage} />
        </>
      )}
    </>
  );
}
