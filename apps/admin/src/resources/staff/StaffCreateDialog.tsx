import type { Role, StaffWithPassword } from '@console/contracts';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useDataProvider } from 'react-admin';
import { RequestError } from '../../ui/ListStates';
import { RoleSelect } from './RoleSelect';
import type { NewStaff } from './staffApi';

const MIN_PASSWORD = 12;

/** Invite a staff member: email, name, role, and a password they are given or one the BFF generates. */
export function StaffCreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (staff: StaffWithPassword) => void }) {
  const dataProvider = useDataProvider();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('customer_success');
  const [passwordMode, setPasswordMode] = useState<'generate' | 'set'>('generate');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const titleId = useId();

  const problems = {
    email: !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? 'Enter an email address such as jo@example.com.' : undefined,
    name: name.trim() === '' ? 'Enter their name.' : undefined,
    password: passwordMode === 'set' && password.length < MIN_PASSWORD ? `Use at least ${MIN_PASSWORD} characters.` : undefined,
  };
  const show = (field: keyof typeof problems) => (tried ? problems[field] : undefined);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    setSaving(true);
    setError(undefined);
    const data: NewStaff = { email: email.trim(), name: name.trim(), role, ...(passwordMode === 'set' ? { password } : {}) };
    try {
      const { data: created } = await dataProvider.create<StaffWithPassword>('staff', { data });
      onCreated(created);
    } catch (cause) {
      setError(cause);
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <Box component="form" onSubmit={save} noValidate>
        <DialogTitle id={titleId}>Add a staff member</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          <TextField label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={Boolean(show('email'))} helperText={show('email')} autoComplete="off" />
          <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={Boolean(show('name'))} helperText={show('name')} autoComplete="off" />
          <RoleSelect value={role} onChange={setRole} />
          <RadioGroup aria-label="How to set the first password" value={passwordMode} onChange={(e) => setPasswordMode(e.target.value as 'generate' | 'set')}>
            <FormControlLabel value="generate" control={<Radio />} label="Generate a password (shown once)" />
            <FormControlLabel value="set" control={<Radio />} label="Set a password myself" />
          </RadioGroup>
          {passwordMode === 'set' && (
            <TextField
              label="Initial password"
              type="password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={Boolean(show('password'))}
              helperText={show('password') ?? `At least ${MIN_PASSWORD} characters. Give it to them over a secure channel.`}
              autoComplete="new-password"
            />
          )}
          {error !== undefined && <RequestError title="The staff member was not added" error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? 'Adding…' : 'Add staff member'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
