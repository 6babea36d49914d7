import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { errorText } from '../../share/errors';
import { ErrorReferences } from '../../ui/ErrorReferences';
import { RequestError } from '../../ui/ListStates';
import { DuplicateCandidate } from './DuplicateCandidate';
import type { DuplicateCandidate as Candidate } from './types';

export interface DuplicateDialogProps {
  candidates: Candidate[];
  /** The BFF's answer: its explanation and request id. */
  failure: unknown;
  onUse: (candidate: Candidate) => void;
  /** Resubmits with `confirmNewCompany: { reason }`. */
  onCreateAnyway: (reason: string) => void;
  onClose: () => void;
  creating: boolean;
  error?: unknown;
}

const MIN_REASON = 5;

/**
 * The customer may already exist: a second company for them can mean billable duplicate
 * connections. The user either opens an existing company or says why a new one is right.
 */
export function DuplicateDialog({ candidates, failure, onUse, onCreateAnyway, onClose, creating, error }: DuplicateDialogProps) {
  const titleId = useId();
  const [reason, setReason] = useState('');
  const reasonOk = reason.trim().length >= MIN_REASON;
  return (
    <Dialog open onClose={creating ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>This customer may already exist</DialogTitle>
      <DialogContent dividers>
        <DialogContentText component="div" sx={{ mb: 2 }}>
          {errorText(failure)}
          <ErrorReferences error={failure} />
        </DialogContentText>
        <Typography variant="h6" component="h2" gutterBottom>
          Existing {candidates.length === 1 ? 'company' : 'companies'}
        </Typography>
        <Stack spacing={1.5} sx={{ mb: 3 }}>
          {candidates.map((candidate) => (
            <DuplicateCandidate key={candidate.id} candidate={candidate} onUse={() => onUse(candidate)} />
          ))}
        </Stack>
        <Typography variant="h6" component="h2" gutterBottom>
          Create a new company anyway
        </Typography>
        <DialogContentText sx={{ mb: 1 }}>
          Right when it is a different business, or when the customer switched accounting software (moving their existing
          connection would merge the two datasets). Say why: the reason is kept in the audit log.
        </DialogContentText>
        <TextField
          label="Reason for a new company"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          fullWidth
          multiline
          minRows={2}
          helperText={reasonOk ? ' ' : `At least ${MIN_REASON} characters, e.g. “Moved from Xero to QuickBooks Online”.`}
        />
        {error !== undefined && (
          <Box sx={{ mt: 2 }}>
            <RequestError error={error} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={creating}>
          Back to the form
        </Button>
        <Button variant="outlined" disabled={!reasonOk || creating} loading={creating} onClick={() => onCreateAnyway(reason.trim())}>
          Create anyway
        </Button>
      </DialogActions>
    </Dialog>
  );
}
