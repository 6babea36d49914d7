import { Box, List, ListItem, Typography } from '@mui/material';
import { Link } from 'react-admin';
import { BarList } from '../reports/BarList';
import { StackedStatusBars, statusesOf } from '../reports/StackedStatusBars';
import { statusStyle } from '../resources/connections/StatusPill';
import { Sparkline } from '../resources/connection-error-groups/Sparkline';
import { formatDateTime, plural } from '../ui/format';
import { companiesLink, DashboardCard } from './DashboardCard';
import type { FleetHealth } from './fleetHealthTypes';

/** `/connection-error-groups?filter=…`: the error-group list, filtered. */
export function errorGroupsLink(filter: Record<string, unknown> = {}): string {
  return `/connection-error-groups?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;
}

/** When a chart's figures were taken; before the mirror's first sync, that there are none yet. */
function TakenAt({ at, what = 'Taken' }: { at: string | null; what?: string }) {
  return (
    <Typography variant="caption" color="text.secondary" component="p">
      {at ? `${what} ${formatDateTime(at)}, from the console's mirror of Codat.` : 'No figures yet: the mirror has not completed a sync.'}
    </Typography>
  );
}

export function ConnectionsByStatusChart({ health }: { health: FleetHealth }) {
  const { days, takenAt } = health.connectionsByStatus;
  const columns = days.map((d) => ({ key: d.day, label: d.day === days.at(-1)?.day || d.day.endsWith('01') ? d.day.slice(5) : '', byStatus: d.byStatus, pale: d.reconstructed }));
  const latest = days.at(-1);
  const statuses = statusesOf(columns);
  const summary = latest ? statuses.map((s) => `${statusStyle(s).label}: ${latest.byStatus[s] ?? 0}`).join(', ') : '';
  return (
    <DashboardCard title="Connections by status" description={`Each daily snapshot from ${health.from} to ${health.to}, sandbox excluded. Open a status to list its companies.`}>
      {days.length > 0 && <StackedStatusBars columns={columns} ariaLabel={`Connections by status per day over ${days.length} snapshot days. Latest, ${latest!.day}: ${summary}`} />}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {statuses.map((status) => (
          <Link key={status} to={companiesLink({ status })} sx={{ color: statusStyle(status).color }}>
            {statusStyle(status).label}: {latest?.byStatus[status] ?? 0}
          </Link>
        ))}
      </Box>
      <TakenAt at={takenAt} what="Latest snapshot taken" />
    </DashboardCard>
  );
}

export function ActiveErrorsChart({ health }: { health: FleetHealth }) {
  const { days, takenAt } = health.activeErrors;
  const today = days.at(-1)?.errors ?? 0;
  const peak = Math.max(0, ...days.map((d) => d.errors));
  return (
    <DashboardCard
      title="Active errors per day"
      description={`Connection errors active at the end of each day (today: now), over the last ${days.length} days.`}
      seeAll={{ to: errorGroupsLink(), label: 'See the error groups' }}
    >
      <Typography variant="h4" component="p">
        {today}
      </Typography>
      <Typography variant="body2">active now; at most {peak} a day in the period.</Typography>
      <Sparkline trend={days.map((d) => ({ date: d.day, errors: d.errors }))} width={320} height={60} />
      <TakenAt at={takenAt} />
    </DashboardCard>
  );
}

export function OpenIncidentsChart({ health }: { health: FleetHealth }) {
  const { open, groups, rule, takenAt } = health.incidents;
  return (
    <DashboardCard title="Open probable incidents" description={rule} seeAll={{ to: errorGroupsLink({ probableIncident: true }), label: 'See every probable incident' }}>
      <Typography variant="h4" component="p">
        {open}
      </Typography>
      {open === 0 ? (
        <Typography variant="body2">No error is spreading across the fleet now.</Typography>
      ) : (
        <List dense disablePadding aria-label="Open probable incidents">
          {groups.map((group) => (
            <ListItem key={group.id} disableGutters sx={{ display: 'flex', gap: 1, justifyContent: 'space-between' }}>
              <Box>
                <Link to={`/connection-error-groups/${encodeURIComponent(group.id)}/show`}>
                  {[group.platformName, group.statusCode, group.statusText].filter(Boolean).join(' · ')}
                </Link>
                <Typography variant="body2" color="text.secondary">
                  {plural(group.recentCompanies, 'company', 'companies')} in 24 h against {group.baselineCompaniesPerDay} a day usually
                </Typography>
              </Box>
              <Sparkline trend={group.trend} />
            </ListItem>
          ))}
        </List>
      )}
      <TakenAt at={takenAt} />
    </DashboardCard>
  );
}

const AGE_COLORS: Record<string, string> = { day: '#2e7d32', week: '#7cb342', month: '#f9a825', older: '#c62828', never: '#6d4c41' };

export function StuckOrFailingSyncsChart({ health }: { health: FleetHealth }) {
  const { linkedCompaniesBySyncAge, stuckCompanies, stuckAfterDays, failingConnections, failingCompanies, takenAt } = health.syncs;
  const bars = linkedCompaniesBySyncAge.map((row) => ({ key: row.age, label: row.label, value: row.companies, color: AGE_COLORS[row.age] ?? '#616161' }));
  return (
    <DashboardCard title="Syncs stuck or failing" description="Companies with a Linked connection, by when Codat last synced them; and Linked connections whose reads fail.">
      <BarList bars={bars} keepOrder labelWidth={170} ariaLabel={`Linked companies by last sync: ${bars.map((bar) => `${bar.label}: ${bar.value}`).join(', ')}`} />
      <List dense disablePadding>
        <ListItem disableGutters>
          <Link to={companiesLink({ status: 'Linked' }, { field: 'lastSync', order: 'ASC' })}>
            Stuck: {plural(stuckCompanies, 'Linked company', 'Linked companies')} not synced for more than {stuckAfterDays} days
          </Link>
        </ListItem>
        <ListItem disableGutters>
          <Link to={errorGroupsLink()}>
            Failing: {plural(failingConnections, 'Linked connection')} with an active error, at {plural(failingCompanies, 'company', 'companies')}
          </Link>
        </ListItem>
      </List>
      <TakenAt at={takenAt} />
    </DashboardCard>
  );
}
