import { Alert, Card, CardContent, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { MirrorFreshness } from '../../reports/MirrorFreshness';
import { useApiQuery } from '../../reports/useApiQuery';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { LIVE_GROUPS } from '../connection-error-groups/useLiveList';
import { IncidentCard } from './IncidentCard';
import type { IncidentsResponse } from './types';

/** Current and recent probable incidents, with the rule that flags them; kept current while open. */
export default function IncidentList() {
  const { data, error, loading, refreshedAt, reload } = useApiQuery<IncidentsResponse>('/incidents', LIVE_GROUPS);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Incidents" />
      <CardContent>
        <Typography variant="h5" component="h1">
          Incidents
        </Typography>
        {data && (
          <Alert severity="info" sx={{ my: 1 }}>
            {data.rule} {data.growingRule} Listed: incidents going on now, and those that met the rule within the last {data.recentDays} days (the mirror keeps{' '}
            {data.retentionMonths} months of error history; older incidents are in each group&apos;s trend).
          </Alert>
        )}
        <MirrorFreshness refreshedAt={refreshedAt} />
        {loading && !data && <Loading label="Loading incidents…" />}
        {error != null && <RequestError title="Could not load incidents" error={error} onRetry={reload} />}
        {data && data.incidents.length === 0 && <Empty>No probable incident now or in the last {data.recentDays} days.</Empty>}
        {data?.incidents.map((group) => <IncidentCard key={group.id} group={group} />)}
      </CardContent>
    </Card>
  );
}
