import { Alert } from '@mui/material';
import { formatDateTime } from '../ui/format';
import { useBackoffPolling } from '../ui/useBackoffPolling';
import type { ConnectionCountsReport } from './types';

/** How often the screen asks again for figures being made: at first every 3 s, then up to every 15 s. */
const CHECKS = { fastMs: 3_000, slowMs: 15_000 };

/** The month's snapshot is taken but its figures are still being made by the sync: said so, and asked for again until they are there. */
export function FiguresBeingMade({ report, onCheck }: { report: ConnectionCountsReport; onCheck(): void }) {
  useBackoffPolling(
    async () => {
      onCheck();
      return 'asked';
    },
    report.month,
    CHECKS,
  );
  const { snapshots } = report;
  return (
    <Alert severity="info" sx={{ my: 1 }}>
      The figures of the snapshot of {snapshots?.lastDay}, taken {snapshots ? formatDateTime(snapshots.takenAt) : ''}, are being made by the mirror&apos;s sync (a few
      minutes on a large fleet). They appear here when they are ready, and can be exported then.
    </Alert>
  );
}
