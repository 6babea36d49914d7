import { Alert } from '@mui/material';
import { formatDateTime } from '../ui/format';
import { useBackoffPolling } from '../ui/useBackoffPolling';
import type { ConnectionCountsReport } from './types';

/** How often the screen asks again for figures being made: after 1 s, then less often, up to every 10 s (seconds at the demo's size, minutes at 100,000 companies). */
const CHECKS = { fastMs: 1_000, slowMs: 10_000 };

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
