import { TextField } from '@mui/material';
import { ROLE_LABELS, ROLES, type Role } from '@console/contracts';

const WHAT_THEY_DO: Record<Role, string> = {
  customer_success: 'find customers, share Link URLs, create companies',
  support: 'also refresh data, unlink connections, manage source accounts',
  finance: 'view everything, reports and the audit log; no changes',
  admin: 'everything, including deletes and staff accounts',
};

/** The four roles, each with what it may do (DESIGN.md §5). */
export function RoleSelect({ value, onChange, label = 'Role' }: { value: Role; onChange: (role: Role) => void; label?: string }) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as Role)}
      helperText={WHAT_THEY_DO[value]}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </TextField>
  );
}
