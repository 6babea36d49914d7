import { Box, Button, Stack, Typography } from '@mui/material';
import { useCallback, useId, useState } from 'react';
import { useCanAccess } from 'react-admin';
import { SyncHistory } from '../pull-operations/SyncHistory';
import { formatDateTime, formatRelative } from '../../ui/format';
import { DataStatusTable } from './DataStatusTable';
import { RefreshOutcomeAlert } from './RefreshOutcomeAlert';
import { SyncLiveIndicator } from './SyncLiveIndicator';
import { useRefreshActions } from './useRefreshActions';
import { useSyncProgress } from './useSyncProgress';

export interface CompanyDataPanelProps {
  companyId: string;
  /** How often to poll sync progress while anything runs (tests shorten it). */
  pollIntervalMs?: number;
}

/**
 * The company's data: where each data type's latest read stands, the sync history, refreshes
 * for roles allowed to queue them, and a live indicator while reads run.
 */
export function CompanyDataPanel({ companyId, pollIntervalMs = 2000 }: CompanyDataPanelProps) {
  const { canAccess: canRefresh } = useCanAccess({ resource: 'data-status', action: 'refresh' });
  const [refreshKey, setRefreshKey] = useState(0);
  const listsStale = useCallback(() => setRefreshKey((k) => k + 1), []);
  const sync = useSyncProgress(companyId, listsStale, pollIntervalMs);
  const { watch } = sync;
  const onQueued = useCallback(() => watch(true), [watch]);
  const refresh = useRefreshActions(companyId, onQueued);
  const anyRunning = Boolean(sync.progress?.anyRunning);
  const id = useId();

  return (
    <Box component="section" aria-labelledby={`${id}-company-data`} sx={{ display: 'grid', gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Box>
          <Typography id={`${id}-company-data`} variant="h6" component="h2">
            Data
          </Typography>
          {sync.progress?.lastSync && (
            <Typography variant="body2" color="text.secondary">
              Last successful read {formatDateTime(sync.progress.lastSync)} ({formatRelative(sync.progress.lastSync)})
            </Typography>
          )}
        </Box>
        {canRefresh && (
          <Button variant="contained" onClick={() => void refresh.refreshAll()} disabled={refresh.pending.has('*') || anyRunning}>
            {refresh.pending.has('*') ? 'Queueing…' : 'Refresh all'}
          </Button>
        )}
      </Stack>
      {canRefresh && anyRunning && (
        <Typography variant="body2" color="text.secondary">
          “Refresh all” is available again once the running reads finish.
        </Typography>
      )}
      <SyncLiveIndicator {...sync} onRetry={() => watch()} onDismiss={sync.dismissFinished} />
      <Box aria-live="polite">
        <RefreshOutcomeAlert outcome={refresh.outcome} onClose={refresh.clearOutcome} />
      </Box>
      <Box component="section" aria-labelledby={`${id}-data-status`}>
        <Typography id={`${id}-data-status`} variant="subtitle1" component="h3">
          Status per data type
        </Typography>
        <DataStatusTable companyId={companyId} refreshKey={refreshKey} onRefresh={canRefresh ? refresh.refreshType : undefined} pending={refresh.pending} />
      </Box>
      <Box component="section" aria-labelledby={`${id}-sync-history`}>
        <Typography id={`${id}-sync-history`} variant="subtitle1" component="h3">
          Sync history
        </Typography>
        <SyncHistory companyId={companyId} refreshKey={refreshKey} />
      </Box>
    </Box>
  );
}

export default CompanyDataPanel;
