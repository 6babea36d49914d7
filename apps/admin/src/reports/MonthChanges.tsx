import { Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { DataTable, type Column } from '../ui/PagedTable';
import { ChangeList } from './ChangeList';
import { formatMonth } from './month';
import type { ChangeKind, ConnectionCountsReport } from './types';

const KINDS: ChangeKind[] = ['new', 'lost', 'relinked'];

type PlatformChanges = NonNullable<ConnectionCountsReport['changes']>['byPlatform'][number];
const BY_PLATFORM: Column<PlatformChanges>[] = [
  { header: 'Platform', cell: (row) => row.platformName ?? row.platformKey ?? 'Unknown platform' },
  { header: 'New', align: 'right', cell: (row) => row.new },
  { header: 'Lost', align: 'right', cell: (row) => row.lost },
  { header: 'Relinked', align: 'right', cell: (row) => row.relinked },
];

/** New, lost and relinked connections against the previous month's last snapshot; each count opens the connections behind it. */
export function MonthChanges({
  changes,
  reportQuery,
}: {
  changes: ConnectionCountsReport['changes'];
  reportQuery: string;
}) {
  const [open, setOpen] = useState<ChangeKind | null>(null);
  if (!changes) return null;
  return (
    <>
      {!changes.comparable && (
        <Typography variant="body2" color="text.secondary">
          The mirror has no snapshot for {formatMonth(changes.previousMonth)}, so every connection
          of this month counts as new.
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">Since {formatMonth(changes.previousMonth)}:</Typography>
        {KINDS.map((kind) => (
          <Button
            key={kind}
            size="small"
            variant={open === kind ? 'contained' : 'outlined'}
            onClick={() => setOpen(open === kind ? null : kind)}
            aria-pressed={open === kind}
          >
            {changes[kind]} {kind}
          </Button>
        ))}
      </Box>
      {changes.byPlatform.length > 0 && (
        <DataTable
          label="Changes by platform"
          columns={BY_PLATFORM}
          rows={changes.byPlatform}
          rowKey={(row) => row.platformKey ?? 'unknown'}
        />
      )}
      {open && <ChangeList kind={open} reportQuery={reportQuery} />}
    </>
  );
}
