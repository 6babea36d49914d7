import { ROLE_LABELS, type Role, type StaffRecord, type StaffWithPassword } from '@console/contracts';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Button, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import { Datagrid, FunctionField, List, TextField, TopToolbar, useListContext, useNotify, useRefresh } from 'react-admin';
import { formatDateTime, formatRelative } from '../../ui/format';
import { Loading, RequestError } from '../../ui/ListStates';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { OneTimePassword } from './OneTimePassword';
import { StaffCreateDialog } from './StaffCreateDialog';
import { StaffRowActions } from './StaffRowActions';
import { TextFilter } from '../../ui/TextFilter';
import { STAFF_LIST } from './listDefaults';

const staffFilters = [<TextFilter key="q" source="q" label="Search name or email" alwaysOn />];

function AddStaffButton() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<StaffWithPassword>();
  return (
    <>
      <Button variant="contained" size="small" startIcon={<PersonAddIcon />} onClick={() => setOpen(true)}>
        Add staff member
      </Button>
      {open && (
        <StaffCreateDialog
          onClose={() => setOpen(false)}
          onCreated={(staff) => {
            setOpen(false);
            if (staff.initialPassword) setCreated(staff);
            notify(`${staff.name} can now sign in as ${ROLE_LABELS[staff.role]}.`, { type: 'success' });
            refresh();
          }}
        />
      )}
      {created?.initialPassword && <OneTimePassword name={created.name} password={created.initialPassword} onClose={() => setCreated(undefined)} />}
    </>
  );
}

function StaffGrid() {
  const { isPending, error, refetch } = useListContext();
  if (isPending) return <Loading label="Loading staff accounts…" />;
  if (error) return <RequestError title="Could not load the staff accounts" error={error} onRetry={() => void refetch()} />;
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="name" label="Name" />
      <TextField source="email" label="Email" />
      <FunctionField<StaffRecord> source="role" label="Role" render={(r) => ROLE_LABELS[r.role as Role] ?? r.role} />
      <FunctionField<StaffRecord>
        source="disabled"
        label="Status"
        sortable={false}
        render={(r) => (r.disabled ? <Chip size="small" label="Disabled" variant="outlined" /> : <Chip size="small" label="Active" color="success" />)}
      />
      <FunctionField<StaffRecord>
        source="lastSignInAt"
        label="Last sign-in"
        render={(r) =>
          r.lastSignInAt ? (
            <>
              {formatDateTime(r.lastSignInAt)}
              <Typography variant="caption" component="div" color="text.secondary">
                {formatRelative(r.lastSignInAt)}
              </Typography>
            </>
          ) : (
            'Never'
          )
        }
      />
      <FunctionField<StaffRecord> label="Signs in with" sortable={false} render={(r) => [r.passwordSet && 'Password', r.sso && 'SSO'].filter(Boolean).join(', ') || '—'} />
      <FunctionField label="Actions" sortable={false} render={() => <StaffRowActions />} />
    </Datagrid>
  );
}

/** Staff accounts (admins only): who can sign in, with which role; invite, change, disable. */
export function StaffList() {
  return (
    <>
      <Typography component="h1" sx={visuallyHidden}>
        Staff
      </Typography>
      <List
        title="Staff"
        filters={staffFilters}
        {...STAFF_LIST}
        actions={
          <TopToolbar>
            <AddStaffButton />
          </TopToolbar>
        }
        empty={false}
        error={false}
      >
        <StaffGrid />
      </List>
    </>
  );
}

export default StaffList;
