import { Alert, AlertTitle } from '@mui/material';
import { ErrorReferences } from '../../ui/ErrorReferences';
import { RequestError } from '../../ui/ListStates';
import type { RefreshOutcome } from './useRefreshActions';

/** The answer to the last refresh request, in words. */
export function RefreshOutcomeAlert({ outcome, onClose }: { outcome: RefreshOutcome | undefined; onClose: () => void }) {
  if (!outcome) return null;
  if (outcome.kind === 'queued') {
    return (
      <Alert severity="info" role="none" onClose={onClose}>
        {outcome.message}
      </Alert>
    );
  }
  if (outcome.kind === 'already-running') {
    return (
      <Alert severity="warning" onClose={onClose}>
        <AlertTitle>Not queued: {outcome.dataType === '*' ? 'a refresh' : `a read of ${outcome.dataType}`} is already running</AlertTitle>
        Codat reads one data type at a time, so a second refresh is refused until the first finishes. Its progress is shown
        above; refresh again once it has finished if you still need newer data. ({outcome.error.message})
        <ErrorReferences error={outcome.error} />
      </Alert>
    );
  }
  return <RequestError title={`${outcome.what} failed`} error={outcome.error} />;
}
