import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { RequestError } from '../../ui/ListStates';
import { BatchRowsTable } from './BatchRowsTable';
import type { CreateDialogProps } from './CreateSourceAccountDialog';
import type { Version } from './rules';
import { fieldErrorsOf } from './saveErrors';
import type { BatchResult } from './types';
import { DraftCheckMessages } from './DraftCheckMessages';
import { useAccountDrafts } from './useAccountDrafts';
import { VersionChoice } from './VersionChoice';

/** Codat's batch endpoint takes at most this many accounts (the BFF refuses more). */
const MAX_ROWS = 50;

/**
 * Several source accounts at once, sent through the batch endpoint: Codat creates what it can,
 * and each row shows whether it was created or why not. Rows that failed can be fixed and sent again.
 */
export function BatchCreateDialog({ companyId, connectionId, connectionName, knownVersion, onClose, onCreated }: CreateDialogProps) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [chosen, setChosen] = useState<Version>('v2');
  const version = knownVersion ?? chosen;
  const form = useAccountDrafts({ companyId, connectionId, version, versionKnown: knownVersion !== undefined }, 'batch');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [result, setResult] = useState<BatchResult>();
  const titleId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    form.submit();
    setSaveError(undefined);
    if (!form.clientValid) return;
    setSaving(true);
    try {
      // consoleActions types the answer loosely; it is the BFF's BatchResult.
      const answer = (await dataProvider.createSourceAccounts({ companyId, connectionId, accounts: form.payloads })) as unknown as BatchResult;
      setResult(answer);
      if (answer.created > 0) onCreated(`${answer.created} source account${answer.created === 1 ? '' : 's'} created on ${connectionName}${answer.failed ? `; ${answer.failed} not created` : ''}.`);
    } catch (error) {
      form.setSaveErrors(fieldErrorsOf(error));
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const fixFailed = () => {
    if (!result) return;
    const failedRows = result.results.flatMap((outcome, row) => (outcome.created ? [] : [row]));
    form.keepRows(failedRows);
    setResult(undefined);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xl" fullWidth>
      <Box component="form" onSubmit={save} noValidate>
        <DialogTitle id={titleId}>Add several source accounts to {connectionName}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <Typography variant="body2" color="text.secondary">
            One row per account (up to {MAX_ROWS}). Codat creates the valid ones and reports each row’s outcome; a row that fails
            does not stop the others. Required{version === 'v2' ? ' for v2' : ''}: {version === 'v2' ? 'every column but sort code (needed for GBP)' : 'the account id, and a sort code for GBP'}.
          </Typography>
          {!knownVersion && !result && <VersionChoice value={chosen} onChange={setChosen} />}
          {result && (
            <Alert severity={result.failed === 0 ? 'success' : result.created === 0 ? 'error' : 'warning'} role="status">
              {result.created} created, {result.failed} not created. Each row’s outcome is shown in the table.
            </Alert>
          )}
          <BatchRowsTable form={form} version={version} result={result} />
          {!result && (
            <Box>
              <Button onClick={form.addRow} disabled={form.drafts.length >= MAX_ROWS}>
                Add row
              </Button>
            </Box>
          )}
          <DraftCheckMessages form={form} subject="rows" />
          {saveError !== undefined && <RequestError title="No source accounts were created" error={saveError} />}
        </DialogContent>
        <DialogActions>
          {result ? (
            <>
              {result.failed > 0 && <Button onClick={fixFailed}>Fix the rows that failed</Button>}
              <Button variant="contained" onClick={onClose}>
                Close
              </Button>
            </>
          ) : (
            <>
              <Button onClick={onClose}>Cancel</Button>
              <Button type="submit" variant="contained" disabled={saving || form.drafts.length === 0}>
                {saving ? 'Creating…' : `Create ${form.drafts.length} source account${form.drafts.length === 1 ? '' : 's'}`}
              </Button>
            </>
          )}
        </DialogActions>
      </Box>
    </Dialog>
  );
}
