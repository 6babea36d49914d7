import { AUDIT_OUTCOMES, type AuditEventRecord } from '@console/contracts';
import { TextField } from '@mui/material';
import { useMemo } from 'react';
import { useInput, useListContext } from 'react-admin';
import { DateTimeFilter } from '../../ui/DateTimeFilter';
import { TextFilter } from '../../ui/TextFilter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z][a-z0-9.-]*$/;

/** Actions the BFF writes today; the list's own entries add any others. */
const KNOWN_ACTIONS = [
  'access.refused',
  'audit.export',
  'auth.login',
  'auth.logout',
  'auth.settings.update',
  'error-group-companies.export',
  'error-groups.export',
  'input.refused',
  'staff.create',
  'staff.reset-password',
  'staff.unlock',
  'staff.update',
];

export const OUTCOME_LABELS = { ok: 'Succeeded', attempt: 'Attempted', refused: 'Refused', failed: 'Failed', unknown: 'Unknown, being checked' } as const;

function ActionFilter(_: { source: string; alwaysOn?: boolean }) {
  const { data } = useListContext<AuditEventRecord>();
  const suggestions = useMemo(() => [...new Set([...KNOWN_ACTIONS, ...(data ?? []).map((event) => event.action)])].sort(), [data]);
  return (
    <TextFilter
      source="action"
      label="Action"
      placeholder="e.g. staff.update"
      suggestions={suggestions}
      check={(text) => (ACTION.test(text) ? undefined : 'Actions are lower case, like staff.update')}
    />
  );
}

function OutcomeFilter({ source }: { source: string; alwaysOn?: boolean }) {
  const { field, id } = useInput({ source, parse: (value: string) => value || undefined });
  return (
    <TextField
      id={id}
      select
      size="small"
      label="Outcome"
      value={field.value ?? ''}
      onChange={field.onChange}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 150 }}
    >
      <option value="">Any outcome</option>
      {AUDIT_OUTCOMES.map((outcome) => (
        <option key={outcome} value={outcome}>
          {OUTCOME_LABELS[outcome]}
        </option>
      ))}
    </TextField>
  );
}

/** Every filter sits in the URL (`#/audit-events?filter=…`), so a filtered view can go in a ticket. */
export const auditFilters = [
  <TextFilter key="actor" source="actor" label="Actor (email or staff id)" alwaysOn />,
  <ActionFilter key="action" source="action" alwaysOn />,
  <TextFilter
    key="companyId"
    source="companyId"
    label="Company id"
    alwaysOn
    check={(text) => (UUID.test(text) ? undefined : 'Paste the whole company id (a UUID)')}
  />,
  <OutcomeFilter key="outcome" source="outcome" alwaysOn />,
  <DateTimeFilter key="from" source="from" label="From" alwaysOn />,
  <DateTimeFilter key="to" source="to" label="Before" alwaysOn />,
];
