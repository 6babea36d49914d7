import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useDataProvider } from 'react-admin';
import { RequestError } from '../../ui/ListStates';
import { AccountField } from './AccountField';
import { FIELDS, type Version } from './rules';
import { fieldErrorsOf } from './saveErrors';
import type { SourceAccountRecord } from './types';
import { DraftCheckMessages } from './DraftCheckMessages';
import { useAccountDrafts } from './useAccountDrafts';
import { VersionChoice } from './VersionChoice';

export interface CreateDialogProps {
  companyId: string;
  connectionId: string;
  connectionName: string;
  /** The format the connection's accounts use; asked for when it has none yet. */
  knownVersion?: Version;
  onClose: () => void;
  /** Accounts were created (the batch dialog stays open to show each row's outcome). */
  onCreated: (message: string) => void;
}

/** One new source account, checked field by field as it is typed. */
export function CreateSourceAccountDialog({ companyId, connectionId, connectionName, knownVersion, onClose, onCreated }: CreateDialogProps) {
  const dataProvider = useDataProvider();
  const [chosen, setChosen] = useState<Version>('v2');
  const version = knownVersion ?? chosen;
  const form = useAccountDrafts({ companyId, connectionId, version, versionKnown: knownVersion !== undefined }, 'single');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const titleId = useId();
  const errors = form.errorsFor(0);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    form.submit();
    setSaveError(undefined);
    if (!form.clientValid) return;
    setSaving(true);
    try {
      const { data } = await dataProvider.create<SourceAccountRecord>('source-accounts', {
        data: { companyId, connectionId, account: form.payloads[0] },
      });
      onCreated(`Source account “${data.accountName ?? data.accountId}” created on ${connectionName}. It stays pending until the customer maps it to an account in their software.`);
    } catch (error) {
      form.setSaveErrors(fieldErrorsOf(error));
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" onSubmit={save} noValidate>
        <DialogTitle id={titleId}>Add a source account to {connectionName}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            Fields marked * are required{version === 'v2' ? ' for v2 source accounts' : ''}. The account starts as pending until
            the customer maps it.
          </Typography>
          {!knownVersion && <VersionChoice value={chosen} onChange={setChosen} />}
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { sm: '1fr 1fr' }, pt: 1 }}>
            {FIELDS.map((field) => (
              <AccountField key={field} field={field} draft={form.drafts[0]!} version={version} error={errors[field]} onChange={(f, v) => form.change(0, f, v)} />
            ))}
          </Box>
          <DraftCheckMessages form={form} subject="fields" />
          {saveError !== undefined && <RequestError title="The source account was not created" error={saveError} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? 'Creating…' : 'Create source account'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
