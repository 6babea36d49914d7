import { Alert, Box, Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { RequestError } from '../../ui/ListStates';
import { isOpen, type JobRecord } from './types';

/** Cancel (companies in flight finish) and resume, for those who may queue refreshes. */
export function JobControls({ job, onChanged }: { job: JobRecord; onChanged: () => void }) {
  const { canAccess } = useCanAccess({ resource: 'jobs', action: 'create' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (!canAccess) return null;

  const act = async (action: 'cancel' | 'resume') => {
    setBusy(true);
    setError(undefined);
    try {
      await httpClient(`/api/jobs/${job.id}/${action}`, { method: 'POST' });
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ my: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      {isOpen(job) && (
        <Button variant="outlined" color="warning" disabled={busy} onClick={() => act('cancel')}>
          Cancel job
        </Button>
      )}
      {job.status === 'cancelled' && (
        <>
          <Alert severity="info">Cancelled: companies not yet done were left alone. Resume to do them.</Alert>
          <Button variant="contained" disabled={busy} onClick={() => act('resume')}>
            Resume job
          </Button>
        </>
      )}
      {error != null && <RequestError title="That did not work" error={error} />}
    </Box>
  );
}
