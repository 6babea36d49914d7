import { Alert, Typography } from '@mui/material';
import { otherServerErrors } from './rules';
import type { useAccountDrafts } from './useAccountDrafts';

/**
 * What the server's check of the drafts said beyond the fields it points at: problems no field
 * shows, or that it could not check just now (it checks again on save).
 */
export function DraftCheckMessages({ form, subject }: { form: Pick<ReturnType<typeof useAccountDrafts>, 'serverErrors' | 'checkUnavailable'>; subject: 'rows' | 'fields' }) {
  const unplaced = otherServerErrors(form.serverErrors);
  return (
    <>
      {unplaced.length > 0 && <Alert severity="error">{unplaced.join('; ')}</Alert>}
      {form.checkUnavailable && (
        <Typography variant="caption" color="text.secondary">
          The server could not check the {subject} just now ({form.checkUnavailable}); it checks them again when you save.
        </Typography>
      )}
    </>
  );
}
