import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-admin';
import { StatusPill } from '../resources/connections/StatusPill';
import { Empty, Loading, RequestError } from '../ui/ListStates';
import { PagedFooter } from '../ui/PagedFooter';
import { ExportLink } from './ExportLink';
import type { ChangeKind, ChangeRecord } from './types';
import { listQuery, useApiQuery } from './useApiQuery';

const PER_PAGE = 25;
const TITLES: Record<ChangeKind, string> = { new: 'New connections', lost: 'Lost connections', relinked: 'Relinked connections' };

/** The connections behind one of the month's change counts, with their export. */
export function ChangeList({ kind, reportQuery }: { kind: ChangeKind; reportQuery: string }) {
  const [page, setPage] = useState(0);
  const query = listQuery({ kind }, [page * PER_PAGE, page * PER_PAGE + PER_PAGE - 1]);
  const { data, error, loading, total, reload } = useApiQuery<ChangeRecord[]>(`/reports/connection-counts/changes?${query}&${reportQuery}`);
  const exportQuery = new URLSearchParams({ filter: JSON.stringify({ kind }) }).toString();
  return (
    <section aria-label={TITLES[kind]}>
      <Typography variant="subtitle1" component="h4" sx={{ mt: 1 }}>
        {TITLES[kind]}
      </Typography>
      <ExportLink href={`/api/reports/connection-counts/changes/export?${exportQuery}&${reportQuery}`}>{`Export ${kind} connections (CSV)`}</ExportLink>
      {loading && !data && <Loading label={`Loading ${kind} connections…`} />}
      {error != null && <RequestError title={`Could not load the ${kind} connections`} error={error} onRetry={reload} />}
      {data && data.length === 0 && <Empty>No {kind} connections this month.</Empty>}
      {data && data.length > 0 && (
        <>
          <TableContainer>
            <Table size="small" aria-label={TITLES[kind]}>
              <TableHead>
                <TableRow>
                  <TableCell>Company</TableCell>
                  <TableCell>Platform</TableCell>
                  <TableCell>Before</TableCell>
                  <TableCell>After</TableCell>
                  <TableCell>Connection id</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((row) => (
                  <TableRow key={`${row.kind}|${row.id}`}>
                    <TableCell>
                      <Link to={`/companies/${row.companyId}/show`}>{row.companyName ?? row.companyId}</Link>
                    </TableCell>
                    <TableCell>{row.platformName ?? row.platformKey ?? 'Unknown platform'}</TableCell>
                    <TableCell>{row.fromStatus ? <StatusPill status={row.fromStatus} /> : 'not there'}</TableCell>
                    <TableCell>
                      <StatusPill status={row.toStatus} />
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{row.id}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <PagedFooter total={total ?? data.length} page={page} perPage={PER_PAGE} onPageChange={setPage} />
        </>
      )}
    </section>
  );
}
