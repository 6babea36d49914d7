import type { StaffRecord } from '@console/contracts';
import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { ChangeRoleDialog } from './ChangeRoleDialog';
import { ConfirmStaffAction, type StaffAction } from './ConfirmStaffAction';
import { OneTimePassword } from './OneTimePassword';

/** Change role, disable/enable, unlock sign-in, reset password: one row's actions, each behind a dialog. */
export function StaffRowActions() {
  const record = useRecordContext<StaffRecord>();
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<'role' | StaffAction>();
  const [password, setPassword] = useState<string>();
  if (!record) return null;
  const self = identity?.id === record.id;

  const done = (message: string, generated?: string) => {
    setOpen(undefined);
    if (generated) setPassword(generated);
    notify(message, { type: 'success' });
    refresh();
  };

  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      <Button size="small" onClick={() => setOpen('role')} aria-label={`Change role of ${record.name}`}>
        Change role
      </Button>
      {record.disabled ? (
        <Button size="small" onClick={() => setOpen('enable')} aria-label={`Enable ${record.name}`}>
          Enable
        </Button>
      ) : (
        <Button size="small" color="error" onClick={() => setOpen('disable')} aria-label={`Disable ${record.name}`} disabled={self} title={self ? 'You cannot disable your own account' : undefined}>
          Disable
        </Button>
      )}
      {record.signInLockedUntil && (
        <Button size="small" color="warning" onClick={() => setOpen('unlock')} aria-label={`Unlock sign-in for ${record.name}`} title={`Sign-in locked until ${new Date(record.signInLockedUntil).toLocaleString()} after failed attempts`}>
          Unlock sign-in
        </Button>
      )}
      {record.passwordSet && (
        <Button size="small" onClick={() => setOpen('reset-password')} aria-label={`Reset password of ${record.name}`}>
          Reset password
        </Button>
      )}
      {open === 'role' && <ChangeRoleDialog record={record} onClose={() => setOpen(undefined)} onDone={done} />}
      {open && open !== 'role' && <ConfirmStaffAction action={open} record={record} onClose={() => setOpen(undefined)} onDone={done} />}
      {password && <OneTimePassword name={record.name} password={password} onClose={() => setPassword(undefined)} />}
    </Box>
  );
}
