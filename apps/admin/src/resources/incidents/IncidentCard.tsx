import { Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { Link } from 'react-admin';
import { formatDate, formatDateTime, plural } from '../../ui/format';
import { groupTitle } from '../connection-error-groups/ErrorGroupRow';
import { GroupRefreshButton } from '../connection-error-groups/GroupRefreshButton';
import { NotesSection } from '../connection-error-groups/NotesSection';
import { OutreachExportLink } from '../connection-error-groups/OutreachExportLink';
import { IncidentChart } from './IncidentChart';
import type { IncidentRecord } from './types';

function IncidentState({ group }: { group: IncidentRecord }) {
  const { incident } = group;
  if (incident.status === 'ended') return <Chip size="small" label={`Ended ${formatDate(incident.endedOn)}`} />;
  return <Chip size="small" color={incident.growing ? 'error' : 'warning'} label={incident.growing ? 'Ongoing, still growing' : 'Ongoing, not growing'} />;
}

/** One incident: what, since when, how it moves, its chart against the baseline, and what support can do about it. */
export function IncidentCard({ group }: { group: IncidentRecord }) {
  const { incident } = group;
  const title = groupTitle(group);
  return (
    <Card variant="outlined" component="section" aria-label={title} sx={{ my: 2 }}>
      <CardContent>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            <Link to={`/connection-error-groups/${group.id}/show`}>{title}</Link>
          </Typography>
          <IncidentState group={group} />
        </Box>
        <Typography variant="body2" sx={{ mt: 1 }}>
          Started {formatDateTime(incident.startedAt)}
          {incident.endedOn ? `, last met the rule on ${formatDate(incident.endedOn)}` : ''}. {plural(group.companies, 'company', 'companies')} (
          {plural(group.connections, 'connection')}) affected now.
        </Typography>
        <Typography variant="body2">
          {plural(incident.companiesLast12h, 'company', 'companies')} hit in the last 12 hours, {incident.companiesPrevious12h} in the 12 hours before.
        </Typography>
        <IncidentChart group={group} />
        {group.companies > 0 && <GroupRefreshButton groupId={group.id} companies={group.companies} />}
        <Box sx={{ my: 1 }}>
          <OutreachExportLink groupId={group.id} />
        </Box>
        <NotesSection targetType="error-group" targetId={group.id} notes={group.notes} headingComponent="h3" />
      </CardContent>
    </Card>
  );
}
