import { Box, Button, List, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess } from 'react-admin';
import { ExportLink, EXPORT_NOTE } from '../../reports/ExportLink';
import { MirrorFreshness } from '../../reports/MirrorFreshness';
import { listQuery, useApiQuery } from '../../reports/useApiQuery';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { NotesSection } from '../connection-error-groups/NotesSection';
import { TimelineEntryItem } from './TimelineEntryItem';
import type { Timeline } from './timelineTypes';

const PAGE = 100;

/** The company's history from the mirror, newest first: status changes and errors, with notes. */
export function CompanyTimelinePanel({ companyId }: { companyId: string }) {
  const [shown, setShown] = useState(PAGE);
  const { data, error, loading, reload } = useApiQuery<Timeline>(`/companies/${companyId}/timeline?${listQuery({}, [0, shown - 1])}`);
  const { canAccess: canExport } = useCanAccess({ resource: 'reports', action: 'export' });

  if (loading && !data) return <Loading label="Loading the timeline…" />;
  if (error != null) return <RequestError title="Could not load the timeline" error={error} onRetry={reload} />;
  if (!data) return null;
  const platformOf = (connectionId: string | null, key: string | null) =>
    data.connections.find((connection) => connection.id === connectionId)?.platformName ?? key ?? 'Connection';

  return (
    <Box>
      <Typography variant="h6" component="h2">
        Timeline
      </Typography>
      <MirrorFreshness refreshedAt={data.refreshedAt} />
      <Typography variant="body2" color="text.secondary">
        Status changes and errors seen by the console&apos;s mirror, newest first; kept for {data.retentionMonths} months.
      </Typography>
      {canExport && (
        <Box sx={{ my: 1, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <ExportLink href={`/api/companies/${companyId}/timeline/export`}>Export timeline (CSV)</ExportLink>
          <Typography variant="caption" color="text.secondary">
            {EXPORT_NOTE}
          </Typography>
        </Box>
      )}
      {data.entries.length === 0 ? (
        <Empty>Nothing has changed for this company since the mirror started watching it.</Empty>
      ) : (
        <List aria-label="Timeline entries">
          {data.entries.map((entry) => (
            <TimelineEntryItem
              key={entry.id}
              entry={entry}
              platform={platformOf(entry.connectionId, entry.platformKey)}
              notes={entry.errorGroupId && entry.kind === 'error.appeared' ? (data.errorGroupNotes[entry.errorGroupId] ?? []) : []}
            />
          ))}
        </List>
      )}
      {data.total > data.entries.length && (
        <Button onClick={() => setShown((n) => n + PAGE)} disabled={loading}>
          Show older entries ({data.total - data.entries.length} more)
        </Button>
      )}
      {data.connections.map((connection) => (
        <Box key={connection.id} sx={{ mt: 2 }}>
          <Typography variant="subtitle1" component="h3">
            {connection.platformName} connection ({connection.status}
            {connection.deleted ? ', deleted' : ''})
          </Typography>
          <NotesSection targetType="connection" targetId={connection.id} notes={connection.notes} headingComponent="h4" />
        </Box>
      ))}
    </Box>
  );
}
