import { Alert, Typography } from '@mui/material';
import { formatDateTime } from '../ui/format';
import type { ConnectionCountsReport } from './types';

/** Which snapshot the month's figures come from, and when it was taken: "refreshed" means when these numbers were taken. */
export function SnapshotFreshness({ report }: { report: ConnectionCountsReport }) {
  const { snapshots } = report;
  if (!snapshots) return null;
  if (snapshots.reconstructed) {
    return (
      <Alert severity="warning" sx={{ my: 1 }}>
        Reconstructed, as of the month&apos;s end: {snapshots.reconstructed}
      </Alert>
    );
  }
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
        Figures as of the snapshot of {snapshots.lastDay}, taken {formatDateTime(snapshots.takenAt)} ({snapshots.days} daily{' '}
        {snapshots.days === 1 ? 'snapshot' : 'snapshots'} from {snapshots.firstDay} to {snapshots.lastDay}).
      </Typography>
      {report.inProgress && (
        <Alert severity="info" sx={{ my: 1 }}>
          This month is in progress: figures are as of its latest snapshot, not of its end. Each sync today replaces today&apos;s snapshot; past days do not
          change.
        </Alert>
      )}
    </>
  );
}
