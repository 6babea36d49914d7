import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { ChangeList } from './ChangeList';
import { formatMonth } from './month';
import type { ChangeKind, ConnectionCountsReport } from './types';

const KINDS: ChangeKind[] = ['new', 'lost', 'relinked'];

/** New, lost and relinked connections against the previous month's last snapshot; each count opens the connections behind it. */
export function MonthChanges({ changes, reportQuery }: { changes: ConnectionCountsReport['changes']; reportQuery: string }) {
  const [open, setOpen] = useState<ChangeKind | null>(null);
  if (!changes) return null;
  return (
    <>
      {!changes.comparable && (
        <Typography variant="body2" color="text.secondary">
          The mirror has no snapshot for {formatMonth(changes.previousMonth)}, so every connection of this month counts as new.
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">Since {formatMonth(changes.previousMonth)}:</Typography>
        {KINDS.map((kind) => (
          <Button key={kind} size="small" variant={open === kind ? 'contained' : 'outlined'} onClick={() => setOpen(open === kind ? null : kind)} aria-pressed={open === kind}>
            {changes[kind]} {kind}
          </Button>
        ))}
      </Box>
      {changes.byPlatform.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label="Changes by platform">
            <TableHead>
              <TableRow>
                <TableCell>Platform</TableCell>
                <TableCell align="right">New</TableCell>
                <TableCell align="right">Lost</TableCell>
                <TableCell align="right">Relinked</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changes.byPlatform.map((row) => (
                <TableRow key={row.platformKey ?? 'unknown'}>
                  <TableCell>{row.platformName ?? row.platformKey ?? 'Unknown platform'}</TableCell>
                  <TableCell align="right">{row.new}</TableCell>
                  <TableCell align="right">{row.lost}</TableCell>
                  <TableCell align="right">{row.relinked}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open && <ChangeList kind={open} reportQuery={reportQuery} />}
    </>
  );
}
