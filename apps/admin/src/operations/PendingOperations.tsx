import { Alert, AlertTitle, Button, CircularProgress, Stack } from '@mui/material';
import type { OperationRecord } from '@console/contracts';
import { useCallback } from 'react';
import { Link, useRefresh } from 'react-admin';
import { describeAction } from './describeAction';
import { isSettled, pendingOperations, type WatchedOperation } from './pendingOperations';
import { usePendingOperations } from './usePendingOperations';

function OperationAlert({ operation }: { operation: WatchedOperation }) {
  const { record } = operation;
  const what = record ? `${describeAction(record.action)}${record.companyName ? ` · ${record.companyName}` : ''}` : `Operation ${operation.id}`;
  const dismiss = () => pendingOperations.dismiss(operation.id);
  if (!record || !isSettled(operation)) {
    return (
      <Alert severity="info" icon={<CircularProgress size={20} aria-hidden />} role="status">
        <AlertTitle>{what}</AlertTitle>
        Codat did not confirm this in time, so it may have happened. The console is checking with Codat: do not repeat it.
      </Alert>
    );
  }
  const action = (
    <Button color="inherit" size="small" onClick={dismiss}>
      Dismiss
    </Button>
  );
  if (record.state === 'ok') {
    return (
      <Alert severity="success" action={action} role="status">
        <AlertTitle>{what}: done</AlertTitle>
        Codat has it{record.checkedInCodat ? ' (checked with Codat after it did not answer)' : ''}.
        {record.companyId && record.action !== 'company.delete' && (
          <>
            {' '}
            <Link to={`/companies/${record.companyId}/show`}>Open the company</Link>
          </>
        )}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" action={action} role="status">
      <AlertTitle>{what}: did not happen</AlertTitle>
      {record.reason ?? 'Codat shows no trace of it.'} You can do it again.
    </Alert>
  );
}

/**
 * Actions Codat left unanswered, watched until the console has settled them by looking in Codat:
 * the user sees the result where they are, and lists refresh once one is done.
 */
export function PendingOperations() {
  const refresh = useRefresh();
  const onSettled = useCallback((record: OperationRecord) => record.state === 'ok' && refresh(), [refresh]);
  const operations = usePendingOperations(onSettled);
  if (operations.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ position: 'fixed', bottom: 16, right: 16, zIndex: 1400, maxWidth: 440 }} aria-label="Actions being checked with Codat">
      {operations.map((operation) => (
        <OperationAlert key={operation.id} operation={operation} />
      ))}
    </Stack>
  );
}
