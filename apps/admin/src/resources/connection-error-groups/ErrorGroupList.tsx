import { Box, Card, CardContent, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { PagedFooter } from '../../ui/PagedFooter';
import { useState } from 'react';
import { Title, useCanAccess } from 'react-admin';
import { MirrorFreshness } from '../../reports/MirrorFreshness';
import { ExportLink, EXPORT_NOTE } from '../../reports/ExportLink';
import { listQuery, useApiQuery } from '../../reports/useApiQuery';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { ErrorGroupRow } from './ErrorGroupRow';
import type { ErrorGroupRecord } from './types';

const PER_PAGE = 25;
const HEADERS = ['Platform', 'Status code', 'Status text', 'Connections', 'Companies', 'First seen', 'Last seen', '30-day trend', 'Notes'];

/** Fleet-wide triage: active connection errors grouped by platform + status code + status text, most companies first. */
export default function ErrorGroupList() {
  const [page, setPage] = useState(0);
  const query = listQuery({}, [page * PER_PAGE, page * PER_PAGE + PER_PAGE - 1], ['companies', 'DESC']);
  const { data, error, loading, refreshedAt, total, reload } = useApiQuery<ErrorGroupRecord[]>(`/connection-error-groups?${query}`);
  const { canAccess: canExport } = useCanAccess({ resource: 'reports', action: 'export' });

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Connection errors" />
      <CardContent>
        <Typography variant="h5" component="h1">
          Connection errors
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Active errors across every company, grouped by platform, status code and status text. Open a group to see who is affected.
        </Typography>
        <MirrorFreshness refreshedAt={refreshedAt} />
        {canExport && (
          <Box sx={{ my: 1, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <ExportLink href="/api/connection-error-groups/export">Export CSV</ExportLink>
            <Typography variant="caption" color="text.secondary">
              {EXPORT_NOTE}
            </Typography>
          </Box>
        )}
        {loading && !data && <Loading label="Loading connection errors…" />}
        {error != null && <RequestError title="Could not load connection errors" error={error} onRetry={reload} />}
        {data && data.length === 0 && <Empty>No active connection errors right now. Every connection the mirror knows is error-free.</Empty>}
        {data && data.length > 0 && (
          <>
            <TableContainer>
              <Table size="small" aria-label="Connection error groups">
                <TableHead>
                  <TableRow>
                    {HEADERS.map((header) => (
                      <TableCell key={header} align={['Connections', 'Companies', 'Notes'].includes(header) ? 'right' : 'left'}>
                        {header}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.map((group) => (
                    <ErrorGroupRow key={group.id} group={group} />
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
