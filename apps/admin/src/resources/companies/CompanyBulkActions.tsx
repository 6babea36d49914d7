import { Box } from '@mui/material';
import { useCanAccess, useListContext } from 'react-admin';
import { ExportLink } from '../../reports/ExportLink';
import type { ListMeta } from '../../providers/dataProvider';
import { BulkRefreshButton } from '../jobs/BulkRefreshButton';

/** The list's filter as the BFF resolves it for bulk work: search, status and platform, the ones set. */
export function bulkFilter(filterValues: Record<string, unknown>): Record<string, string> | undefined {
  const filter = Object.fromEntries(
    (['q', 'status', 'platform'] as const).flatMap((key) => {
      const value = filterValues[key];
      return typeof value === 'string' && value.trim() !== '' ? [[key, value]] : [];
    }),
  );
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/**
 * With a filter applied: refresh, or export an outreach list of, every company it matches, not
 * only the page shown (the export for every role, relink URLs for those who may share links). The BFF
 * resolves the filter itself (the fleet may have changed since the page loaded) and refuses more
 * than a job takes.
 */
export function CompanyBulkActions() {
  const { filterValues, total, meta } = useListContext();
  const { canAccess: canRevealLinks } = useCanAccess({ resource: 'links', action: 'show' });
  const companyFilter = bulkFilter(filterValues);
  if (!companyFilter || !total) return null;
  const capped = (meta as ListMeta | undefined)?.searchCap !== undefined;
  const count = capped ? `more than ${total.toLocaleString('en-GB')}` : total.toLocaleString('en-GB');
  return (
    <Box sx={{ px: 1, display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Box sx={{ my: 1 }}>
        <ExportLink href={`/api/companies/outreach/export?${new URLSearchParams({ filter: JSON.stringify(companyFilter) }).toString()}`}>
          {canRevealLinks ? 'Export outreach list of all matches, with relink URLs (CSV)' : 'Export outreach list of all matches (CSV)'}
        </ExportLink>
      </Box>
      <BulkRefreshButton
        selection={{ companyFilter }}
        label="Refresh all matching companies"
        confirmation={`Refresh every company matching this filter (${count}, not only this page)? Codat will read all data again for each one's Linked connections${companyFilter.platform ? ' of the chosen platform' : ''}, once per company. A job takes at most 5,000 companies.`}
      />
    </Box>
  );
}
