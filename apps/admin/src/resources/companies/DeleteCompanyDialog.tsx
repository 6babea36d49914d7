import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useDelete, useNotify, useRedirect } from 'react-admin';
import { RequestError } from '../../ui/ListStates';
import type { CompanyRecord } from './types';

export interface DeleteCompanyDialogProps {
  company: CompanyRecord;
  open: boolean;
  onClose: () => void;
}

/** Deleting a company is irreversible: it says what goes, and asks for the exact name to be typed. */
export function DeleteCompanyDialog({ company, open, onClose }: DeleteCompanyDialogProps) {
  const titleId = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>();
  const [deleteOne, { isPending }] = useDelete<CompanyRecord>();
  const notify = useNotify();
  const redirect = useRedirect();
  const matches = typed === company.name;
  const connections = company.connectionCount === 1 ? 'its connection' : `its ${company.connectionCount} connections`;

  const close = () => {
    if (isPending) return;
    setTyped('');
    setError(undefined);
    onClose();
  };
  const confirm = () => {
    setError(undefined);
    deleteOne(
      'companies',
      { id: company.id, previousData: company },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(`Deleted ${company.name} and its connections in Codat.`, { type: 'success' });
          redirect('list', 'companies');
        },
        onError: setError,
      },
    );
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Delete {company.name}?</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          This deletes the company, {company.connectionCount === 0 ? 'which has no connections,' : `${connections} and all the data synced through them`} in
          Codat, for good: it cannot be undone. Links already sent to the customer stop working.
        </DialogContentText>
        <TextField
          label="Type the company name to confirm"
          helperText={`Type “${company.name}” exactly as shown.`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          fullWidth
          autoFocus
          autoComplete="off"
        />
        {error !== undefined && (
          <Box sx={{ mt: 2 }}>
            <RequestError error={error} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={isPending}>
          Cancel
        </Button>
        <Button color="error" variant="contained" disabled={!matches || isPending} loading={isPending} onClick={confirm}>
          Delete company
        </Button>
      </DialogActions>
    </Dialog>
  );
}
