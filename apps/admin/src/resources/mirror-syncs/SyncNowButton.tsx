import SyncIcon from '@mui/icons-material/Sync';
import { Alert, Box, Button } from '@mui/material';
import { useState } from 'react';
import { httpClient } from '../../providers/httpClient';
import { RequestError } from '../../ui/ListStates';
import type { MirrorSyncRecord } from './types';

/** Starts a mirror sync now (admins); the BFF refuses (409) while one runs, and says so. */
export function SyncNowButton({ onStarted }: { onStarted: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [started, setStarted] = useState<MirrorSyncRecord>();

  const start = async () => {
    setBusy(true);
    setError(undefined);
    setStarted(undefined);
    try {
      const response = await httpClient<MirrorSyncRecord>('/api/mirror-syncs', { method: 'POST' });
      setStarted(response.json);
      onStarted();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ my: 1, display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
      <Button variant="contained" startIcon={<SyncIcon />} onClick={start} disabled={busy}>
        {busy ? 'Starting…' : 'Sync now'}
      </Button>
      {started && <Alert severity="success">Sync {started.id} started{started.resumedCount > 0 ? ' (resuming an interrupted run)' : ''}. Its progress is in the list.</Alert>}
      {error != null && <RequestError title="The sync did not start" error={error} />}
    </Box>
  );
}
