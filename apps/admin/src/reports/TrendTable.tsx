import { Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { formatMonth } from './month';
import type { TrendMonth } from './types';

/** The trend's figures, newest month first; a month opens its report. */
export function TrendTable({ months, current, onOpen }: { months: TrendMonth[]; current: string; onOpen(month: string): void }) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Months">
        <TableHead>
          <TableRow>
            <TableCell>Month</TableCell>
            <TableCell>Snapshot</TableCell>
            <TableCell align="right">Billable candidates</TableCell>
            <TableCell align="right">Connections (last snapshot)</TableCell>
            <TableCell align="right">Linked</TableCell>
            <TableCell align="right">New</TableCell>
            <TableCell align="right">Lost</TableCell>
            <TableCell align="right">Relinked</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...months].reverse().map((m) => (
            <TableRow key={m.month} selected={m.month === current}>
              <TableCell>
                <Button size="small" onClick={() => onOpen(m.month)} aria-label={`Open ${formatMonth(m.month)}`}>
                  {formatMonth(m.month)}
                </Button>
              </TableCell>
              <TableCell>{!m.snapshot ? 'none' : m.snapshot.reconstructed ? 'reconstructed' : `${m.snapshot.lastDay} (${m.snapshot.days} days)`}</TableCell>
              <TableCell align="right">{m.snapshot ? m.billableConnections : '—'}</TableCell>
              <TableCell align="right">{m.snapshot ? m.connectionsAtMonthEnd : '—'}</TableCell>
              <TableCell align="right">{m.snapshot ? (m.byStatus.Linked ?? 0) : '—'}</TableCell>
              <TableCell align="right">{m.snapshot ? m.new : '—'}</TableCell>
              <TableCell align="right">{m.snapshot ? m.lost : '—'}</TableCell>
              <TableCell align="right">{m.snapshot ? m.relinked : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
