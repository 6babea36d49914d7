import type { AuditEventRecord } from '@console/contracts';
import { List, ListItem, ListItemText } from '@mui/material';
import { useGetList } from 'react-admin';
import { formatRelative } from '../ui/format';
import { Empty, Loading, RequestError } from '../ui/ListStates';
import { DashboardCard } from './DashboardCard';

const REFUSED_OR_FAILED = { refused: 'refused', failed: 'failed' } as const;
const SHOWN = 5;

/**
 * One row per action: an attempt whose outcome is also listed is left out (the outcome says how it
 * ended); an attempt still without one stays, marked as such. The audit log itself keeps both.
 */
export function oneRowPerAction(events: AuditEventRecord[]): AuditEventRecord[] {
  const concluded = new Set(events.map((event) => event.attemptId).filter((id) => id !== null));
  return events.filter((event) => !concluded.has(event.id)).slice(0, SHOWN);
}

function outcomeSuffix(outcome: AuditEventRecord['outcome']): string {
  if (outcome === 'attempt') return ' (no outcome yet)';
  return outcome in REFUSED_OR_FAILED ? ` (${outcome})` : '';
}

/** Finance and admins: the latest staff actions, and the way into the audit log and its export. */
export function AuditCard() {
  const { data, isPending, error, refetch } = useGetList<AuditEventRecord>(
    'audit-events',
    { filter: {}, sort: { field: 'at', order: 'DESC' }, pagination: { page: 1, perPage: SHOWN * 2 } },
    { retry: false },
  );
  let body;
  if (isPending) body = <Loading label="Loading recent staff actions…" />;
  else if (error) body = <RequestError title="Could not load recent staff actions" error={error} onRetry={() => void refetch()} />;
  else if (!data || data.length === 0) body = <Empty>No staff actions recorded yet.</Empty>;
  else
    body = (
      <List dense disablePadding aria-label="Recent staff actions">
        {oneRowPerAction(data).map((event) => (
          <ListItem key={event.id} disableGutters>
            <ListItemText
              primary={`${event.actorEmail ?? 'System'} · ${event.action}${outcomeSuffix(event.outcome)}`}
              secondary={`${formatRelative(event.at)}${event.companyName ? ` · ${event.companyName}` : ''}`}
            />
          </ListItem>
        ))}
      </List>
    );
  return (
    <DashboardCard
      title="Audit log"
      description="Every reveal of a Link URL or account number and every change made in the console, with who did it. Exports are complete and are themselves recorded."
      seeAll={{ to: '/audit-events', label: 'Open the audit log' }}
    >
      {body}
    </DashboardCard>
  );
}

/** Connection-count reports are not built yet; say where they will be rather than leave a gap. */
export function ReportsCard() {
  return (
    <DashboardCard title="Connection-count reports" description="Monthly counts of connections by status and platform, for billing checks.">
      <Empty>Reports are coming in a later release. Until then, filter the companies list by status to count connections.</Empty>
    </DashboardCard>
  );
}

/** Admins: staff accounts. */
export function StaffCard() {
  return (
    <DashboardCard
      title="Staff accounts"
      description="Invite colleagues, change roles, disable accounts and reset passwords."
      seeAll={{ to: '/staff', label: 'Manage staff' }}
    >
      {null}
    </DashboardCard>
  );
}
