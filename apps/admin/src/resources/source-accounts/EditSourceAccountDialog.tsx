import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormHelperText, TextField, Typography } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useDataProvider } from 'react-admin';
import { formatMoney } from '../../ui/format';
import { RequestError } from '../../ui/ListStates';
import { fieldErrorsOf } from './saveErrors';
import type { FieldError, SourceAccountRecord } from './types';

/** What Codat lets a client change, per source-account version. */
export const EDITABLE_TEXT = {
  v2: 'Codat lets you change only the account name of a v2 source account. To change anything else, delete the account and create it again.',
  v1: 'Codat lets you change the account name, the balance while the account is not connected, and the status — to disconnected only — of a v1 source account.',
} as const;

interface Props {
  record: SourceAccountRecord;
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** Edits only the fields Codat allows; everything else is shown for reference. */
export function EditSourceAccountDialog({ record, onClose, onSaved }: Props) {
  const dataProvider = useDataProvider();
  const v1 = record.version === 'v1';
  const [name, setName] = useState(record.accountName ?? '');
  const [balance, setBalance] = useState(record.balance == null ? '' : String(record.balance));
  const [disconnect, setDisconnect] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const titleId = useId();
  const balanceLocked = record.status === 'connected';
  const fieldError = (field: string) => fieldErrors.find((e) => e.field === field)?.message;

  const nameProblem = name.trim() === '' ? (v1 ? undefined : 'Account name is required.') : name.trim().length > 100 ? 'Account name must be at most 100 characters.' : undefined;
  const balanceProblem = v1 && balance.trim() !== '' && !Number.isFinite(Number(balance)) ? 'Balance must be a number, such as 1250.50.' : undefined;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (nameProblem || balanceProblem) return;
    setSaving(true);
    setSaveError(undefined);
    const changes: Partial<SourceAccountRecord> = { accountName: name.trim() === '' ? null : name.trim() };
    if (v1 && !balanceLocked) changes.balance = balance.trim() === '' ? null : Number(balance);
    if (v1 && disconnect) changes.status = 'disconnected';
    try {
      await dataProvider.update<SourceAccountRecord>('source-accounts', { id: record.id, data: { ...record, ...changes }, previousData: record });
      onSaved(`Source account “${changes.accountName ?? record.accountId}” saved.`);
    } catch (error) {
      setFieldErrors(fieldErrorsOf(error));
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" onSubmit={save} noValidate>
        <DialogTitle id={titleId}>Edit source account {record.accountName ?? record.accountId}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <Alert severity="info">{EDITABLE_TEXT[record.version]}</Alert>
          <TextField
            label="Account name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required={!v1}
            error={Boolean(nameProblem ?? fieldError('accountName'))}
            helperText={nameProblem ?? fieldError('accountName')}
            sx={{ mt: 1 }}
          />
          {v1 && (
            <TextField
              label="Balance"
              value={balance}
              onChange={(e) => setBalance(e.target.value)}
              disabled={balanceLocked}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              error={Boolean(balanceProblem ?? fieldError('balance'))}
              helperText={balanceProblem ?? fieldError('balance') ?? (balanceLocked ? 'The balance cannot change while the account is connected.' : undefined)}
            />
          )}
          {v1 && record.status !== 'disconnected' && (
            <Box>
              <FormControlLabel control={<Checkbox checked={disconnect} onChange={(e) => setDisconnect(e.target.checked)} />} label="Mark as disconnected" />
              <FormHelperText>Ends the bank feed for this account. The console cannot set it back.</FormHelperText>
            </Box>
          )}
          <Typography variant="body2" color="text.secondary">
            Not editable: id {record.accountId}, type {record.accountType ?? '—'}, number {record.accountNumberMasked ?? '—'}, currency{' '}
            {record.currency ?? '—'}
            {v1 ? '' : `, balance ${formatMoney(record.balance, record.currency)}`}.
          </Typography>
          {saveError !== undefined && <RequestError title="The changes were not saved" error={saveError} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
