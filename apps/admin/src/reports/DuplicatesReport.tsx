import { Box, List, ListItem, Paper, Typography } from '@mui/material';
import { PagedFooter } from '../ui/PagedFooter';
import { useState } from 'react';
import { Link } from 'react-admin';
import { Empty, Loading, RequestError } from '../ui/ListStates';
import { formatDate, plural } from '../ui/format';
import { useIntegrations } from '../resources/integrations/useIntegrations';
import { ExportLink, EXPORT_NOTE } from './ExportLink';
import { MirrorFreshness } from './MirrorFreshness';
import type { DuplicateRecord } from './types';
import { listQuery, useApiQuery } from './useApiQuery';

const PER_PAGE = 25;
const REASONS: Record<DuplicateRecord['reason'], string> = {
  merchantId: 'Same merchant id',
  sameName: 'Same name',
  samePlatform: 'Several connections to one platform',
};

/** Companies that may be the same customer, or a company with several connections to one platform. */
export default function DuplicatesReport() {
  const [page, setPage] = useState(0);
  const query = listQuery({}, [page * PER_PAGE, page * PER_PAGE + PER_PAGE - 1]);
  const { data, error, loading, total, refreshedAt, reload } = useApiQuery<DuplicateRecord[]>(`/reports/possible-duplicates?${query}`);
  // Platform names, not Codat's four-letter keys; a key Codat no longer lists is shown as it is.
  const { byKey } = useIntegrations();
  const platformName = (key: string) => byKey.get(key)?.name ?? key;

  return (
    <Box>
      <Typography variant="h5" component="h1">
        Possible duplicates
      </Typography>
      <MirrorFreshness refreshedAt={refreshedAt} />
      <Box sx={{ my: 1, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <ExportLink href="/api/reports/possible-duplicates/export">Export CSV</ExportLink>
        <Typography variant="caption" color="text.secondary">
          {EXPORT_NOTE}
        </Typography>
      </Box>
      {loading && !data && <Loading label="Loading possible duplicates…" />}
      {error != null && <RequestError title="Could not load possible duplicates" error={error} onRetry={reload} />}
      {data && data.length === 0 && <Empty>No possible duplicates: no two companies share a merchant id or a name, and no company has two connections to one platform.</Empty>}
      {data?.map((group) => (
        <Paper key={group.id} variant="outlined" component="section" aria-label={`${REASONS[group.reason]}: ${group.key}`} sx={{ p: 2, my: 1 }}>
          <Typography variant="subtitle1" component="h2">
            {REASONS[group.reason]}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {group.explanation}
          </Typography>
          <List dense>
            {group.companies.map((company) => (
              <ListItem key={company.id} disableGutters>
                <Typography variant="body2">
                  <Link to={`/companies/${company.id}/show`}>{company.name}</Link>
                  {` — merchant id ${company.merchantId ?? 'none'}, created ${formatDate(company.created)}, ${company.linkedConnections} of ${plural(company.connections, 'connection')} linked`}
                  {company.platforms.length > 0 ? ` (${company.platforms.map(platformName).join(', ')})` : ''}
                </Typography>
              </ListItem>
            ))}
          </List>
        </Paper>
      ))}
      {data && data.length > 0 && (
        <PagedFooter total={total ?? data.length} page={page} perPage={PER_PAGE} onPageChange={setPage} />
      )}
    </Box>
  );
}
