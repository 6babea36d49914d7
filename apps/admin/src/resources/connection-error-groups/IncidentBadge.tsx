import { plural } from '../../ui/format';
import ReportIcon from '@mui/icons-material/Report';
import { Chip } from '@mui/material';

/** Flagged by the BFF when far more companies are hit than usual (its rule is in the tooltip). */
export function IncidentBadge({ recent, baseline }: { recent: number; baseline: number }) {
  return (
    <Chip
      size="small"
      icon={<ReportIcon />}
      label="Probable incident"
      title={`${plural(recent, 'company', 'companies')} hit in the last 24 hours, against about ${baseline.toFixed(1)} a day usually`}
      sx={{ color: '#7a1a14', bgcolor: '#fde7e5', fontWeight: 600, '& .MuiChip-icon': { color: '#7a1a14' } }}
    />
  );
}
