import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Typography } from '@mui/material';
import { useListContext } from 'react-admin';

/** The export URL for a filter: the BFF streams every matching entry as CSV. */
export const auditExportHref = (filter: Record<string, unknown>) =>
  `/api/audit-events/export?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/**
 * A plain link, so the browser downloads the stream itself: no page-size cap, no 1000-row limit
 * as with react-admin's client-side export.
 */
export function AuditExportButton() {
  const { filterValues } = useListContext();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }}>
      <Button component="a" href={auditExportHref(filterValues)} download startIcon={<DownloadIcon />} variant="outlined" size="small">
        Export CSV
      </Button>
      <Typography variant="caption" color="text.secondary" sx={{ maxWidth: 360, textAlign: 'right', mt: 0.5 }}>
        Every entry matching the filters, not just this page — the export is complete, not capped. The export itself is recorded in the
        audit log.
      </Typography>
    </Box>
  );
}
