import { Alert, Box, Button, Chip, List, ListItem, Typography } from '@mui/material';
import { ErrorReferences } from '../../ui/ErrorReferences';
import { formatRelative, parseTimestamp } from '../../ui/format';
import type { SyncProgressState } from './useSyncProgress';

/** Reads queued or fetching for longer than this are called out: Codat may be stuck. */
const SLOW_MS = 30 * 60 * 1000;

interface Props extends SyncProgressState {
  onRetry: () => void;
  onDismiss: () => void;
}

/**
 * LIVE while syncs run (polled every ~2 s), a note when polling stopped on an error, and the
 * completion notice inside a polite live region so screen readers hear it without losing focus.
 */
export function SyncLiveIndicator({ live, progress, error, finished, onRetry, onDismiss }: Props) {
  const running = progress?.anyRunning ? progress.running : [];
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      {live && (
        <Alert severity="info" icon={<Chip label="LIVE" size="small" color="info" sx={{ bgcolor: 'info.dark', fontWeight: 700 }} />}>
          {running.length === 0 ? (
            'Checking sync progress…'
          ) : (
            <>
              <Typography variant="body2" component="p">
                Syncing {running.length} data type{running.length === 1 ? '' : 's'} — this updates by itself every few seconds.
              </Typography>
              <List dense disablePadding aria-label="Reads in progress">
                {running.map((op) => {
                  const started = parseTimestamp(op.requested)?.getTime();
                  const slow = started !== undefined && Date.now() - started > SLOW_MS;
                  return (
                    <ListItem key={op.id} disableGutters sx={{ py: 0 }}>
                      {op.dataType}: {op.status}
                      {op.progress ? ` (${op.progress}%)` : ''}, requested {formatRelative(op.requested)}
                      {slow && ' — longer than usual; Codat may be waiting on the platform or a desktop connector'}
                    </ListItem>
                  );
                })}
              </List>
            </>
          )}
        </Alert>
      )}
      {error !== undefined && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={onRetry}>
              Check again
            </Button>
          }
        >
          Live sync progress stopped: {error instanceof Error ? error.message : 'the progress check failed.'} The lists below may be out of date.
          <ErrorReferences error={error} />
        </Alert>
      )}
      <Box role="status" aria-live="polite">
        {finished && (
          <Alert severity="success" role="none" onClose={onDismiss}>
            {finished}
          </Alert>
        )}
      </Box>
    </Box>
  );
}
