import { Box, MenuItem, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField } from '@mui/material';
import { Fragment, useState } from 'react';
import { StatusPill, statusStyle } from '../resources/connections/StatusPill';
import type { ConnectionCountRow } from './types';

type GroupBy = 'platform' | 'sourceType';
type SortBy = 'connections' | 'billableConnections' | 'name';

const platformOf = (row: ConnectionCountRow) => row.platformName ?? row.platformKey ?? 'Unknown platform';
const groupKey = (row: ConnectionCountRow, by: GroupBy) => (by === 'platform' ? platformOf(row) : row.sourceType);
const sum = (rows: ConnectionCountRow[], pick: (row: ConnectionCountRow) => number) => rows.reduce((total, row) => total + pick(row), 0);

/** Status × platform × source type, grouped by platform or source type with subtotals, sortable and filterable. */
export function CountsTable({ rows, label, billable = true }: { rows: ConnectionCountRow[]; label: string; billable?: boolean }) {
  const [groupBy, setGroupBy] = useState<GroupBy>('platform');
  const [sortBy, setSortBy] = useState<SortBy>('connections');
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const kept = rows.filter((row) => !needle || [platformOf(row), row.sourceType, statusStyle(row.status).label, row.status].some((text) => text.toLowerCase().includes(needle)));
  const groups = new Map<string, ConnectionCountRow[]>();
  for (const row of kept) groups.set(groupKey(row, groupBy), [...(groups.get(groupKey(row, groupBy)) ?? []), row]);
  const order = (a: [string, ConnectionCountRow[]], b: [string, ConnectionCountRow[]]) =>
    sortBy === 'name' ? a[0].localeCompare(b[0]) : sum(b[1], (row) => row[sortBy]) - sum(a[1], (row) => row[sortBy]);
  const columns = billable ? 6 : 5;
  return (
    <>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', my: 1 }}>
        <TextField select size="small" label="Group by" value={groupBy} onChange={(event) => setGroupBy(event.target.value as GroupBy)}>
          <MenuItem value="platform">Platform</MenuItem>
          <MenuItem value="sourceType">Source type</MenuItem>
        </TextField>
        <TextField select size="small" label="Sort groups by" value={sortBy} onChange={(event) => setSortBy(event.target.value as SortBy)}>
          <MenuItem value="connections">Connections</MenuItem>
          {billable && <MenuItem value="billableConnections">Billable candidates</MenuItem>}
          <MenuItem value="name">Name</MenuItem>
        </TextField>
        <TextField size="small" label={`Filter ${label.toLowerCase()}`} value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="platform, status or source type" />
      </Box>
      <TableContainer>
        <Table size="small" aria-label={label}>
          <TableHead>
            <TableRow>
              <TableCell>{groupBy === 'platform' ? 'Platform' : 'Source type'}</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>{groupBy === 'platform' ? 'Source type' : 'Platform'}</TableCell>
              <TableCell align="right">Connections</TableCell>
              <TableCell align="right">Companies</TableCell>
              {billable && <TableCell align="right">Billable candidates</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {kept.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns}>No rows match.</TableCell>
              </TableRow>
            )}
            {[...groups].sort(order).map(([name, group]) => (
              <Fragment key={name}>
                <TableRow sx={{ '& td': { fontWeight: 600 } }} aria-label={`${name} subtotal`}>
                  <TableCell colSpan={3}>{name}</TableCell>
                  <TableCell align="right">{sum(group, (row) => row.connections)}</TableCell>
                  <TableCell />
                  {billable && <TableCell align="right">{sum(group, (row) => row.billableConnections)}</TableCell>}
                </TableRow>
                {group.map((row) => (
                  <TableRow key={`${row.status}|${row.platformKey}|${row.sourceType}`}>
                    <TableCell />
                    <TableCell>
                      <StatusPill status={row.status} />
                    </TableCell>
                    <TableCell>{groupBy === 'platform' ? row.sourceType : platformOf(row)}</TableCell>
                    <TableCell align="right">{row.connections}</TableCell>
                    <TableCell align="right">{row.companies}</TableCell>
                    {billable && <TableCell align="right">{row.billableConnections}</TableCell>}
                  </TableRow>
                ))}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
