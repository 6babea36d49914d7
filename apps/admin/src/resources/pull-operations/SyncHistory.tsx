import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { PagedFooter } from '../../ui/PagedFooter';
import { useEffect, useMemo, useState } from 'react';
import { useGetList } from 'react-admin';
import { useCompanyConnections } from '../connections/useCompanyConnections';
import { DatasetStatusChip } from '../data-status/DatasetStatusChip';
import { formatDateTime, formatDuration } from '../../ui/format';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { SyncHistoryFilters, type SyncHistoryFilter } from './SyncHistoryFilters';
import type { PullOperationRecord } from './types';

/** Platform names for connection ids; a failed lookup leaves the ids, which still identify them. */
function useConnectionNames(companyId: string): Map<string, string> {
  const { data } = useCompanyConnections(companyId);
  return useMemo(() => new Map((data ?? []).map((c) => [c.connectionId, c.platformName])), [data]);
}

/** A company's pull operations, newest first: what was read, on which connection, how it ended. */
export function SyncHistory({ companyId, refreshKey }: { companyId: string; refreshKey: number }) {
  const [filter, setFilter] = useState<SyncHistoryFilter>({});
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const names = useConnectionNames(companyId);
  const { data, total, isPending, isPlaceholderData, error, refetch } = useGetList<PullOperationRecord>(
    'pull-operations',
    { filter: { companyId, ...filter }, pagination: { page: page + 1, perPage }, sort: { field: 'requested', order: 'DESC' } },
    { retry: false, placeholderData: (previous) => previous },
  );
  useEffect(() => {
    if (refreshKey > 0) void refetch();
  }, [refreshKey, refetch]);

  const filtered = Boolean(filter.status || filter.dataType);
  const changeFilter = (next: SyncHistoryFilter) => {
    setFilter(next);
    setPage(0);
  };

  let body;
  if (isPending) body = <Loading label="Loading sync history…" />;
  else if (error) body = <RequestError title="Could not load the sync history" error={error} onRetry={() => void refetch()} />;
  else if (!data || data.length === 0)
    body = <Empty>{filtered ? 'No syncs match these filters.' : 'No syncs yet: Codat has not read any data for this company.'}</Empty>;
  else
    body = (
      <TableContainer sx={{ opacity: isPlaceholderData ? 0.6 : 1 }} aria-busy={isPlaceholderData}>
        <Table size="small" aria-label="Sync history">
          <TableHead>
            <TableRow>
              <TableCell>Data type</TableCell>
              <TableCell>Connection</TableCell>
              <TableCell>Requested</TableCell>
              <TableCell>Duration</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((op) => (
              <TableRow key={op.id}>
                <TableCell component="th" scope="row">
                  <code>{op.dataType}</code>
                </TableCell>
                <TableCell>{names.get(op.connectionId) ?? <code title="Connection id">{op.connectionId}</code>}</TableCell>
                <TableCell>{formatDateTime(op.requested)}</TableCell>
                <TableCell>{op.running ? 'Running' : formatDuration(op.durationMs)}</TableCell>
                <TableCell>
                  <DatasetStatusChip status={op.status} progress={op.running ? op.progress : undefined} />
                  {(op.errorMessage || op.statusDescription) && (
                    <Typography variant="caption" component="div" color={op.isErrored ? 'error.dark' : 'text.secondary'} sx={{ mt: 0.5 }}>
                      {op.errorMessage ?? op.statusDescription}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    );

  return (
    <Box>
      <SyncHistoryFilters value={filter} onChange={changeFilter} />
      {body}
      {!error && (total ?? 0) > 0 && (
        <PagedFooter total={total ?? 0} page={page} perPage={perPage} onPageChange={setPage} onPerPageChange={setPerPage} />
      )}
    </Box>
  );
}
