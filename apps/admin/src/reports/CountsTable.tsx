import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { StatusPill } from '../resources/connections/StatusPill';
import type { ConnectionCountRow } from './types';

/** Status × platform × source type, with connections, companies and billable candidates. */
export function CountsTable({ rows, label, billable = true }: { rows: ConnectionCountRow[]; label: string; billable?: boolean }) {
  return (
    <TableContainer>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Status</TableCell>
            <TableCell>Platform</TableCell>
            <TableCell>Source type</TableCell>
            <TableCell align="right">Connections</TableCell>
            <TableCell align="right">Companies</TableCell>
            {billable && <TableCell align="right">Billable candidates</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.status}|${row.platformKey}|${row.sourceType}`}>
              <TableCell>
                <StatusPill status={row.status} />
              </TableCell>
              <TableCell>{row.platformName ?? row.platformKey ?? 'Unknown'}</TableCell>
              <TableCell>{row.sourceType}</TableCell>
              <TableCell align="right">{row.connections}</TableCell>
              <TableCell align="right">{row.companies}</TableCell>
              {billable && <TableCell align="right">{row.billableConnections}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
