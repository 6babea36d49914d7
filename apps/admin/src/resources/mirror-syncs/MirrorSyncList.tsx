import { Card, CardContent, Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { PagedFooter } from '../../ui/PagedFooter';
import { useState } from 'react';
import { MirrorFreshness } from '../../reports/MirrorFreshness';
import { listQuery, useApiQuery } from '../../reports/useApiQuery';
import { DateText } from '../../share/DateText';
import { formatDuration } from '../../ui/format';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { SyncNowButton } from './SyncNowButton';
import type { MirrorSyncRecord } from './types';

const PER_PAGE = 25;
const OUTCOME: Record<string, { label: string; color: string; bg: string }> = {
  completed: { label: 'Completed', color: '#1e5e2f', bg: '#e3f3e7' },
  running: { label: 'Running', color: '#283593', bg: '#e8eaf6' },
  interrupted: { label: 'Interrupted', color: '#6b4500', bg: '#fff1cc' },
  abandoned: { label: 'Abandoned', color: '#7a1a14', bg: '#fde7e5' },
};

/** The mirror's sync runs, newest first, and "Sync now" (admins). */
export default function MirrorSyncList() {
  const [page, setPage] = useState(0);
  const query = listQuery({}, [page * PER_PAGE, page * PER_PAGE + PER_PAGE - 1], ['id', 'DESC']);
  const { data, error, loading, total, refreshedAt, reload } = useApiQuery<MirrorSyncRecord[]>(`/mirror-syncs?${query}`);

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Mirror syncs" />
      <CardContent>
        <Typography variant="h5" component="h1">
          Mirror syncs
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Each run reads every company and connection from Codat into the console&apos;s mirror, which the error triage and reports use.
        </Typography>
        <MirrorFreshness refreshedAt={refreshedAt} />
        <SyncNowButton onStarted={reload} />
        {loading && !data && <Loading label="Loading sync runs…" />}
        {error != null && <RequestError title="Could not load sync runs" error={error} onRetry={reload} />}
        {data && data.length === 0 && <Empty>No sync has run yet. Start one with “Sync now”.</Empty>}
        {data && data.length > 0 && (
          <>
            <TableContainer>
              <Table size="small" aria-label="Mirror sync runs">
                <TableHead>
                  <TableRow>
                    <TableCell>Run</TableCell>
                    <TableCell>Started</TableCell>
                    <TableCell>Duration</TableCell>
                    <TableCell align="right">Pages</TableCell>
                    <TableCell align="right">Companies</TableCell>
                    <TableCell align="right">Changes</TableCell>
                    <TableCell>Outcome</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.map((run) => {
                    const outcome = OUTCOME[run.status] ?? { label: run.status, color: '#424242', bg: '#ececec' };
                    return (
                      <TableRow key={run.id}>
                        <TableCell>
                          {run.id} ({run.trigger})
                        </TableCell>
                        <TableCell>
                          <DateText value={run.startedAt} />
                        </TableCell>
                        <TableCell>{run.status === 'running' ? 'Running' : formatDuration(run.durationMs)}</TableCell>
                        <TableCell align="right">{run.pages}</TableCell>
                        <TableCell align="right">{run.companies}</TableCell>
                        <TableCell align="right">{run.changes}</TableCell>
                        <TableCell>
                          <Chip size="small" label={outcome.label} sx={{ color: outcome.color, bgcolor: outcome.bg, fontWeight: 500 }} />
                          {run.errors.map((message) => (
                            <Typography key={message} variant="caption" color="error" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
                              {message}
                            </Typography>
                          ))}
                        </TableCell>
                      </TableRow>
                    );
                  })}
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
