import { NOTICEABLE_HOLD_MS } from '@console/contracts';
import { Alert, Card, CardContent, Chip, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { MirrorFreshness } from '../../reports/MirrorFreshness';
import { DateText } from '../../share/DateText';
import { formatDuration } from '../../ui/format';
import { PagedTable, usePagedQuery, type Column } from '../../ui/PagedTable';
import { SyncNowButton } from './SyncNowButton';
import type { MirrorSyncRecord } from './types';

const OUTCOME: Record<string, { label: string; color: string; bg: string }> = {
  completed: { label: 'Completed', color: '#1e5e2f', bg: '#e3f3e7' },
  running: { label: 'Running', color: '#283593', bg: '#e8eaf6' },
  interrupted: { label: 'Interrupted', color: '#6b4500', bg: '#fff1cc' },
  abandoned: { label: 'Abandoned', color: '#7a1a14', bg: '#fde7e5' },
};

function Outcome({ run }: { run: MirrorSyncRecord }) {
  const outcome = OUTCOME[run.status] ?? { label: run.status, color: '#424242', bg: '#ececec' };
  return (
    <>
      <Chip
        size="small"
        label={outcome.label}
        sx={{ color: outcome.color, bgcolor: outcome.bg, fontWeight: 500 }}
      />
      {run.errors.map((message) => (
        <Typography
          key={message}
          variant="caption"
          color="error"
          sx={{ display: 'block', overflowWrap: 'anywhere' }}
        >
          {message}
        </Typography>
      ))}
    </>
  );
}

const COLUMNS: Column<MirrorSyncRecord>[] = [
  { header: 'Run', cell: (run) => `${run.id} (${run.trigger})` },
  { header: 'Started', cell: (run) => <DateText value={run.startedAt} /> },
  {
    header: 'Duration',
    cell: (run) => (run.status === 'running' ? 'Running' : formatDuration(run.durationMs)),
  },
  { header: 'Pages', align: 'right', cell: (run) => run.pages },
  { header: 'Companies', align: 'right', cell: (run) => run.companies },
  { header: 'Changes', align: 'right', cell: (run) => run.changes },
  { header: 'Longest pause', align: 'right', cell: (run) => formatDuration(run.longestHoldMs) },
  { header: 'Outcome', cell: (run) => <Outcome run={run} /> },
];

/** When the newest completed run held the embedded database long enough to pause the console. */
function LongHoldNotice({ runs }: { runs: MirrorSyncRecord[] | undefined }) {
  const latest = runs?.find((run) => run.status === 'completed');
  if (latest?.longestHoldMs == null || latest.longestHoldMs < NOTICEABLE_HOLD_MS) return null;
  return (
    <Alert severity="warning" sx={{ my: 1 }}>
      Sync {latest.id} held the console&apos;s embedded database (PGlite) for up to{' '}
      {formatDuration(latest.longestHoldMs)} at a time, and requests made meanwhile waited for it: PGlite runs one
      statement at a time. For a fleet of {latest.companies.toLocaleString('en-GB')} companies, run the console on
      PostgreSQL (set DATABASE_URL).
    </Alert>
  );
}

/** The mirror's sync runs, newest first, and "Sync now" (admins). */
export default function MirrorSyncList() {
  const list = usePagedQuery<MirrorSyncRecord>('/mirror-syncs', { sort: ['id', 'DESC'] });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Mirror syncs" />
      <CardContent>
        <Typography variant="h5" component="h1">
          Mirror syncs
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Each run reads every company and connection from Codat into the console&apos;s mirror,
          which the error triage and reports use.
        </Typography>
        <MirrorFreshness refreshedAt={list.refreshedAt} />
        <LongHoldNotice runs={list.data} />
        <SyncNowButton onStarted={list.reload} />
        <PagedTable
          list={list}
          label="Mirror sync runs"
          columns={COLUMNS}
          rowKey={(run) => run.id}
          loadingLabel="Loading sync runs…"
          errorTitle="Could not load sync runs"
          empty="No sync has run yet. Start one with “Sync now”."
        />
      </CardContent>
    </Card>
  );
}
