import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { RequestError } from '../../ui/ListStates';
import type { SourceAccountRecord } from './types';

export const DELETE_CONSEQUENCE =
  'Deleting a source account disables the bank feed; the target account stays in the customer’s accounting software.';

/** Asks before deleting, saying what deleting does. */
export function DeleteSourceAccountDialog({ record, onClose, onDeleted }: { record: SourceAccountRecord; onClose: () => void; onDeleted: (message: string) => void }) {
  const dataProvider = useDataProvider();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>();
  const titleId = useId();
  const descriptionId = useId();
  const name = record.accountName ?? record.accountId;

  const remove = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      await dataProvider.delete('source-accounts', { id: record.id, previousData: record });
      onDeleted(`Source account “${name}” deleted; its bank feed is disabled.`);
    } catch (cause) {
      setError(cause);
      setDeleting(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} aria-describedby={descriptionId}>
      <DialogTitle id={titleId}>Delete source account “{name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId}>
          {DELETE_CONSEQUENCE} To feed this account again, create it again and the customer
          maps it again.
        </DialogContentText>
        {error !== undefined && <RequestError title="The source account was not deleted" error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={() => void remove()} disabled={deleting}>
          {deleting ? 'Deleting…' : 'Delete source account'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
