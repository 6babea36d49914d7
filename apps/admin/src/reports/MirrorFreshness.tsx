import { Alert, Typography } from '@mui/material';
import { formatDateTime } from '../ui/format';

/** "Data refreshed at …" from the mirror's freshness; a warning before its first completed sync. */
export function MirrorFreshness({ refreshedAt }: { refreshedAt: string | null | undefined }) {
  if (refreshedAt === undefined) return null;
  if (refreshedAt === null || refreshedAt === 'never') {
    return (
      <Alert severity="warning" sx={{ my: 1 }}>
        The mirror has not completed a sync yet, so these figures may be incomplete.
      </Alert>
    );
  }
  return (
    <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
      Data refreshed at {formatDateTime(refreshedAt)} (from the console&apos;s mirror of Codat).
    </Typography>
  );
}
