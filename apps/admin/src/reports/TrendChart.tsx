import { Box, Typography } from '@mui/material';
import { statusStyle } from '../resources/connections/StatusPill';
import { formatMonth } from './month';
import { StackedStatusBars, statusesOf } from './StackedStatusBars';
import type { TrendMonth } from './types';

const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Connections by status per month as stacked bars, billable candidates as a line; the figures are in the table under it. */
export function TrendChart({ months }: { months: TrendMonth[] }) {
  const columns = months.map((m) => ({
    key: m.month,
    label: shortMonth.format(new Date(`${m.month}-01T00:00:00Z`)),
    byStatus: m.byStatus,
    pale: m.snapshot?.reconstructed,
    line: m.beingMade ? undefined : m.billableConnections,
  }));
  const latest = months.at(-1);
  const summary = !latest ? '' : `${formatMonth(latest.month)}: ${latest.beingMade ? 'figures being made' : `${latest.billableConnections} billable candidates`}`;
  return (
    <Box component="figure" sx={{ m: 0, my: 2 }}>
      <StackedStatusBars columns={columns} ariaLabel={`Connections by status and billable candidates over ${months.length} months. ${summary}`} />
      <Typography component="figcaption" variant="caption" color="text.secondary">
        Bars: connections by status on each month&apos;s last snapshot ({statusesOf(columns).map((s) => statusStyle(s).label).join(', ')}), sandbox excluded; dashed line: billable
        candidates. Pale bars: months reconstructed from Codat&apos;s records. {summary}.
      </Typography>
    </Box>
  );
}
