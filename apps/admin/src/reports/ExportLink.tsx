import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';

/** A plain download link to a BFF CSV export (streamed, complete, audited). */
export function ExportLink({ href, children }: { href: string; children: string }) {
  return (
    <Button component="a" href={href} download variant="outlined" size="small" startIcon={<DownloadIcon />}>
      {children}
    </Button>
  );
}

export const EXPORT_NOTE = 'Exports are complete (every row, no page limit) and each download is recorded in the audit log.';
