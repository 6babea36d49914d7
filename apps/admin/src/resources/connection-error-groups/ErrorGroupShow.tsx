import { Box, Card, CardContent, Typography } from '@mui/material';
import { Link, useCanAccess, useParams } from 'react-admin';
import { ExportLink, EXPORT_NOTE } from '../../reports/ExportLink';
import { MirrorFreshness } from '../../reports/MirrorFreshness';
import { useApiQuery } from '../../reports/useApiQuery';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { formatDateTime, plural } from '../../ui/format';
import { AffectedTable } from './AffectedTable';
import { groupTitle } from './ErrorGroupRow';
import { GroupRefreshButton } from './GroupRefreshButton';
import { groupMessage } from './groupMessage';
import { IncidentBadge } from './IncidentBadge';
import { NotesSection } from './NotesSection';
import { OutreachExportLink } from './OutreachExportLink';
import { LIVE_GROUPS } from './useLiveList';
import { Sparkline } from './Sparkline';
import type { ErrorGroupDetail } from './types';

/** One error group: what it is, its trend, the companies it hits now, and staff notes. */
export default function ErrorGroupShow() {
  const { id = '' } = useParams<{ id: string }>();
  const { data: group, error, loading, refreshedAt, reload } = useApiQuery<ErrorGroupDetail>(`/connection-error-groups/${encodeURIComponent(id)}`, LIVE_GROUPS);
  const { canAccess: canExport } = useCanAccess({ resource: 'reports', action: 'export' });
  const detail = group && groupMessage(group).detail;

  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Link to="/connection-error-groups">Back to connection errors</Link>
        {loading && !group && <Loading label="Loading the error group…" />}
        {error != null && <RequestError title="Could not load this error group" error={error} onRetry={reload} />}
        {group && (
          <>
            <Typography variant="h5" component="h1" sx={{ mt: 1 }}>
              {groupTitle(group)}
            </Typography>
            {group.probableIncident && <IncidentBadge recent={group.recentCompanies} baseline={group.baselineCompaniesPerDay} />}
            <MirrorFreshness refreshedAt={refreshedAt} />
            {detail && <Typography variant="body2">Codat&apos;s latest message: {detail}</Typography>}
            <Typography variant="body2" sx={{ mt: 1 }}>
              {plural(group.connections, 'connection')} at {plural(group.companies, 'company', 'companies')}. First seen {formatDateTime(group.firstSeen)}, last seen {formatDateTime(group.lastSeen)}.
            </Typography>
            <Box sx={{ mt: 1, display: 'flex', alignItems: 'center', gap: 1 }}>
              <Typography variant="body2">Last 30 days:</Typography>
              <Sparkline trend={group.trend} />
            </Box>
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
              Affected companies ({group.affectedTotal})
            </Typography>
            {group.affectedTotal > 0 && (
              <GroupRefreshButton groupId={group.id} companies={group.companies} />
            )}
            {group.affected.length === 0 ? (
              <Empty>No connection has this error now; it may have been resolved.</Empty>
            ) : (
              <AffectedTable affected={group.affected} />
            )}
            {group.affectedTotal > group.affected.length && (
              <Typography variant="body2" color="text.secondary">
                Showing the first {group.affected.length} of {group.affectedTotal}; the CSV export has them all.
              </Typography>
            )}
            <Box sx={{ my: 1, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <OutreachExportLink groupId={group.id} />
              {canExport && (
                <ExportLink href={`/api/connection-error-groups/${encodeURIComponent(group.id)}/companies/export`}>Export affected companies (CSV)</ExportLink>
              )}
              <Typography variant="caption" color="text.secondary">
                {EXPORT_NOTE}
              </Typography>
            </Box>
            <NotesSection targetType="error-group" targetId={group.id} notes={group.notes} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
