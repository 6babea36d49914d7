import { Box, Typography } from '@mui/material';
import { List, TopToolbar, useCanAccess, useListContext } from 'react-admin';
import { ExportLink, EXPORT_NOTE } from '../../reports/ExportLink';
import { listQuery } from '../../reports/useApiQuery';
import { Empty, RequestError } from '../../ui/ListStates';
import { errorGroupFilters } from './errorGroupFilters';
import { ErrorGroupSort } from './ErrorGroupSort';
import { ErrorGroupTable } from './ErrorGroupTable';
import { ERROR_GROUP_LIST } from './listDefaults';

function ListError() {
  const { error, refetch } = useListContext();
  return <RequestError title="Could not load connection errors" error={error} onRetry={() => void refetch()} />;
}

/** The CSV of every group the current filters match, in the current order. */
function ExportMatching() {
  const { filterValues, sort } = useListContext();
  const query = new URLSearchParams(listQuery(filterValues, [0, 0], [sort.field, sort.order]));
  query.delete('range');
  return <ExportLink href={`/api/connection-error-groups/export?${query}`}>Export CSV</ExportLink>;
}

function Actions() {
  const { canAccess: canExport } = useCanAccess({ resource: 'reports', action: 'export' });
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 2 }}>
      <ErrorGroupSort />
      {canExport && <ExportMatching />}
    </TopToolbar>
  );
}

const NoErrors = () => (
  <Box sx={{ p: 2 }}>
    <Typography variant="h5" component="h1">
      Connection errors
    </Typography>
    <Empty>No active connection errors right now. Every connection the mirror knows is error-free.</Empty>
  </Box>
);

/**
 * Fleet-wide triage: active connection errors grouped by platform + status code + status text.
 * Filters, sort and page live in the URL (react-admin's list state), so a filtered view can be shared;
 * counts update while the screen is open.
 */
export default function ErrorGroupList() {
  const { canAccess: canExport } = useCanAccess({ resource: 'reports', action: 'export' });
  return (
    <List
      title="Connection errors"
      filters={errorGroupFilters}
      {...ERROR_GROUP_LIST}
      actions={<Actions />}
      empty={<NoErrors />}
      error={<ListError />}
      queryOptions={{ onError: () => undefined }}
    >
      <Box sx={{ px: 2, pb: 1 }}>
        <Typography variant="h5" component="h1">
          Connection errors
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Active errors across every company, grouped by platform, status code and status text. Open a group to see who is affected and act on all of them.
        </Typography>
        {canExport && (
          <Typography variant="caption" color="text.secondary">
            {EXPORT_NOTE}
          </Typography>
        )}
        <ErrorGroupTable />
      </Box>
    </List>
  );
}
