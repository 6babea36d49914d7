import { Box, Chip, Typography } from '@mui/material';
import { ROLE_LABELS, type AuditEventRecord, type AuditOutcome, type Role } from '@console/contracts';
import { Link } from 'react-admin';
import { formatDateTime } from '../../ui/format';
import { OUTCOME_LABELS } from './auditFilters';

const OUTCOME_COLOURS: Record<AuditOutcome, 'success' | 'default' | 'warning' | 'error' | 'info'> = {
  ok: 'success',
  // Written before an action that changes Codat; its outcome entry follows.
  attempt: 'default',
  refused: 'warning',
  failed: 'error',
  // Codat did not answer; a final ok or failed follows once the console has checked.
  unknown: 'info',
};

export const AuditTime = ({ record }: { record: AuditEventRecord }) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(record.at)}</span>;

/** Who: email and role; "system" when no staff member acted (webhooks, jobs). */
export function AuditActor({ record }: { record: AuditEventRecord }) {
  if (!record.actorEmail && !record.actorId) return <em>System</em>;
  return (
    <>
      <div>{record.actorEmail ?? record.actorId}</div>
      {record.actorRole && (
        <Typography variant="caption" color="text.secondary">
          {ROLE_LABELS[record.actorRole as Role] ?? record.actorRole}
        </Typography>
      )}
    </>
  );
}

export const AuditAction = ({ record }: { record: AuditEventRecord }) => <code>{record.action}</code>;

/** What was acted on: the company (linked unless `hideCompany`), connection, source account. */
export function AuditTarget({ record, hideCompany = false }: { record: AuditEventRecord; hideCompany?: boolean }) {
  const parts = [
    record.connectionId && `connection ${record.connectionId}`,
    record.sourceAccountId && `source account ${record.sourceAccountId}`,
  ].filter(Boolean);
  const company = !hideCompany && record.companyId;
  if (!company && parts.length === 0) return <>—</>;
  return (
    <Box sx={{ wordBreak: 'break-word' }}>
      {company && <Link to={`/companies/${record.companyId}/show`}>{record.companyName ?? record.companyId}</Link>}
      {parts.map((part) => (
        <Typography key={part as string} variant="caption" component="div" color="text.secondary">
          {part}
        </Typography>
      ))}
    </Box>
  );
}

/** Outcome as a word (colour backs it up) and, when refused or failed, the reason. */
export function AuditOutcomeCell({ record }: { record: AuditEventRecord }) {
  const outcome = { label: OUTCOME_LABELS[record.outcome] ?? record.outcome, color: OUTCOME_COLOURS[record.outcome] ?? 'default' };
  return (
    <>
      <Chip
        size="small"
        label={outcome.label}
        color={outcome.color}
        variant={outcome.color === 'default' ? 'outlined' : 'filled'}
        // White on MUI's warning orange is below 4.5:1.
        sx={outcome.color === 'warning' ? { bgcolor: '#a34700', color: '#fff' } : undefined}
      />
      {record.reason && (
        <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }}>
          {record.reason}
        </Typography>
      )}
    </>
  );
}
