import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useCanAccess, useRedirect } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { RequestError } from '../../ui/ListStates';

/** What a bulk refresh acts on (POST /api/jobs): an error group's companies, or every company a list filter matches. */
export type BulkSelection = { errorGroupId: string } | { companyFilter: Record<string, string> };

interface Props {
  selection: BulkSelection;
  label: string;
  /** The confirmation: how many companies, and what happens to them. */
  confirmation: ReactNode;
}

/**
 * Queues a refresh of all data for every selected company (its Linked connections) as a
 * server-side job, then opens the job's page. For those who may queue a single refresh.
 */
export function BulkRefreshButton({ selection, label, confirmation }: Props) {
  const { canAccess } = useCanAccess({ resource: 'jobs', action: 'create' });
  const redirect = useRedirect();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (!canAccess) return null;

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { json } = await httpClient<{ id: number }>('/api/jobs', { method: 'POST', body: JSON.stringify({ kind: 'refresh', dataTypes: 'all', ...selection }) });
      redirect(`/jobs/${json.id}/show`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Box sx={{ my: 1, display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
      {!confirming ? (
        <Button variant="contained" startIcon={<RefreshIcon />} onClick={() => setConfirming(true)}>
          {label}
        </Button>
      ) : (
        <Alert
          severity="warning"
          action={
            <>
              <Button onClick={() => setConfirming(false)}>Cancel</Button>
              <Button variant="contained" onClick={start} disabled={busy}>
                {busy ? 'Starting…' : 'Queue the refreshes'}
              </Button>
            </>
          }
        >
          {confirmation} Data types Codat is already reading are skipped. The job runs on the server: you can watch it, cancel it and resume it.
        </Alert>
      )}
      {error != null && <RequestError title="The job did not start" error={error} />}
    </Box>
  );
}
