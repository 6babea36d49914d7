import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useGetList } from 'react-admin';
import { formatDateTime, formatRelative } from '../../ui/format';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { DatasetStatusChip } from './DatasetStatusChip';
import { STATUS_HINTS, statusKind } from './datasetStatus';
import type { DataStatusRecord } from './types';

/** Compares the latest read with the latest successful one, in words. */
export function latestReadText(record: DataStatusRecord): string {
  if (record.running) return 'Reading now';
  if (!record.latestSyncId) return 'Not read yet';
  if (record.latestSyncId === record.latestSuccessfulSyncId) return 'Latest read succeeded';
  if (record.latestSuccessfulSyncId) return 'Latest read failed — data is from the last successful read';
  return 'Never read successfully';
}

interface Props {
  companyId: string;
  /** Changes when the lists should refetch (a sync started or finished). */
  refreshKey: number;
  /** Present for roles that may queue refreshes. */
  onRefresh?: (dataType: string) => void;
  pending: ReadonlySet<string>;
}

/** One row per data type Codat has read for the company. */
export function DataStatusTable({ companyId, refreshKey, onRefresh, pending }: Props) {
  const { data, isPending, error, refetch } = useGetList<DataStatusRecord>(
    'data-status',
    { filter: { companyId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'dataType', order: 'ASC' } },
    { retry: false },
  );
  useEffect(() => {
    if (refreshKey > 0) void refetch();
  }, [refreshKey, refetch]);

  if (isPending) return <Loading label="Loading data status…" />;
  if (error) return <RequestError title="Could not load the data status" error={error} onRetry={() => void refetch()} />;
  if (!data || data.length === 0) {
    return (
      <Empty>
        Codat has not read any data for this company yet. Data is read once a connection is linked
        {onRefresh ? ', or when you refresh.' : '.'}
      </Empty>
    );
  }
  return (
    <TableContainer>
      <Table size="small" aria-label="Data status per data type">
        <TableHead>
          <TableRow>
            <TableCell>Data type</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Last successful sync</TableCell>
            <TableCell>Latest read</TableCell>
            {onRefresh && (
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((record) => {
            const hint = record.currentStatus ? STATUS_HINTS[record.currentStatus] : undefined;
            return (
              <TableRow key={record.id}>
                <TableCell component="th" scope="row">
                  <code>{record.dataType}</code>
                </TableCell>
                <TableCell>
                  <DatasetStatusChip status={record.currentStatus} />
                </TableCell>
                <TableCell>
                  {record.lastSuccessfulSync ? (
                    <>
                      {formatDateTime(record.lastSuccessfulSync)}
                      <Typography variant="caption" color="text.secondary" component="div">
                        {formatRelative(record.lastSuccessfulSync)}
                      </Typography>
                    </>
                  ) : (
                    'Never'
                  )}
                </TableCell>
                <TableCell>
                  {latestReadText(record)}
                  {hint && statusKind(record.currentStatus) !== 'success' && (
                    <Typography variant="caption" color="text.secondary" component="div">
                      {hint}
                    </Typography>
                  )}
                </TableCell>
                {onRefresh && (
                  <TableCell align="right">
                    <Button
                      size="small"
                      onClick={() => onRefresh(record.dataType)}
                      disabled={pending.has(record.dataType)}
                      aria-label={`Refresh ${record.dataType}`}
                    >
                      {pending.has(record.dataType) ? 'Queueing…' : 'Refresh'}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
