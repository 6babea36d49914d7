import { ROLE_LABELS, type Role, type StaffRecord } from '@console/contracts';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useDataProvider } from 'react-admin';
import { RequestError } from '../../ui/ListStates';
import { RoleSelect } from './RoleSelect';

/** A new role for one staff member; the BFF refuses to demote the last active admin, in its words. */
export function ChangeRoleDialog({ record, onClose, onDone }: { record: StaffRecord; onClose: () => void; onDone: (message: string) => void }) {
  const dataProvider = useDataProvider();
  const [role, setRole] = useState<Role>(record.role);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const titleId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (role === record.role) return onClose();
    setSaving(true);
    setError(undefined);
    try {
      await dataProvider.update<StaffRecord>('staff', { id: record.id, data: { ...record, role }, previousData: record });
      onDone(`${record.name} is now ${ROLE_LABELS[role]}.`);
    } catch (cause) {
      setError(cause);
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <Box component="form" onSubmit={save}>
        <DialogTitle id={titleId}>Change the role of {record.name}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          <RoleSelect value={role} onChange={setRole} label="New role" />
          {error !== undefined && <RequestError title="The role was not changed" error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? 'Saving…' : 'Change role'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
