import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { formatMonth } from './month';
import type { ConnectionCountsReport } from './types';

/** New, lost and relinked connections against the previous month's last snapshot. */
export function MonthChanges({ changes }: { changes: ConnectionCountsReport['changes'] }) {
  if (!changes) return null;
  if (!changes.comparable) {
    return (
      <Typography variant="body2" color="text.secondary">
        No comparison with {formatMonth(changes.previousMonth)}: the mirror has no snapshot for that month.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">
        Since {formatMonth(changes.previousMonth)}: {changes.new} new, {changes.lost} lost, {changes.relinked} relinked.
      </Typography>
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
                  <TableCell>{row.platformKey ?? 'Unknown'}</TableCell>
                  <TableCell align="right">{row.new}</TableCell>
                  <TableCell align="right">{row.lost}</TableCell>
                  <TableCell align="right">{row.relinked}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
