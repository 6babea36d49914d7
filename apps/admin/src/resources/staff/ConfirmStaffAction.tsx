import type { StaffRecord, StaffWithPassword } from '@console/contracts';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { RequestError } from '../../ui/ListStates';
import { resetStaffPassword, unlockStaffSignIn } from './staffApi';

export type StaffAction = 'disable' | 'enable' | 'reset-password' | 'unlock';

const TEXT: Record<StaffAction, { title: (name: string) => string; body: string; confirm: string; failed: string }> = {
  disable: {
    title: (name) => `Disable ${name}?`,
    body: 'They are signed out and cannot sign in until an admin enables the account again. Their entries in the audit log stay.',
    confirm: 'Disable',
    failed: 'The account was not disabled',
  },
  enable: {
    title: (name) => `Enable ${name}?`,
    body: 'They can sign in again with their current password or SSO, with the role they had.',
    confirm: 'Enable',
    failed: 'The account was not enabled',
  },
  'reset-password': {
    title: (name) => `Reset the password of ${name}?`,
    body: 'Their current password stops working and they are signed out. A new password is generated and shown to you once, to give to them securely.',
    confirm: 'Reset password',
    failed: 'The password was not reset',
  },
  unlock: {
    title: (name) => `Unlock sign-in for ${name}?`,
    body: 'Their failed sign-ins are forgotten, so they can sign in again from any address at once. Do this once you know the failures were theirs or have been dealt with.',
    confirm: 'Unlock',
    failed: 'The account was not unlocked',
  },
};

interface Props {
  action: StaffAction;
  record: StaffRecord;
  onClose: () => void;
  onDone: (message: string, password?: string) => void;
}

/** Disable, enable, reset a password or unlock sign-in, after saying what it does; refusals in the BFF's words. */
export function ConfirmStaffAction({ action, record, onClose, onDone }: Props) {
  const dataProvider = useDataProvider();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const titleId = useId();
  const descriptionId = useId();
  const text = TEXT[action];

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (action === 'reset-password') {
        const answer: StaffWithPassword = await resetStaffPassword(record.id);
        onDone(`The password of ${record.name} was reset.`, answer.initialPassword);
      } else if (action === 'unlock') {
        await unlockStaffSignIn(record.id);
        onDone(`${record.name} can sign in again.`);
      } else {
        const disabled = action === 'disable';
        await dataProvider.update<StaffRecord>('staff', { id: record.id, data: { ...record, disabled }, previousData: record });
        onDone(`${record.name} is ${disabled ? 'disabled' : 'enabled'}.`);
      }
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} aria-describedby={descriptionId}>
      <DialogTitle id={titleId}>{text.title(record.name)}</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId}>{text.body}</DialogContentText>
        {error !== undefined && <RequestError title={text.failed} error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="contained" color={action === 'disable' ? 'error' : 'primary'} onClick={() => void run()} disabled={busy}>
          {text.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
