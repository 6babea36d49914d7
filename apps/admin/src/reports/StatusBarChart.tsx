import { Box, Typography } from '@mui/material';
import { statusStyle } from '../resources/connections/StatusPill';
import { BarList } from './BarList';
import type { ConnectionCountRow } from './types';

/** Connections by status (sandbox excluded) as horizontal SVG bars; the figures are also in the text and the table below. */
export function StatusBarChart({ rows }: { rows: ConnectionCountRow[] }) {
  const byStatus = new Map<string, number>();
  for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.connections);
  const bars = [...byStatus.entries()].sort((a, b) => b[1] - a[1]).map(([status, value]) => ({ key: status, label: statusStyle(status).label, value, color: statusStyle(status).color }));
  if (bars.length === 0) return null;
  const summary = bars.map((bar) => `${bar.label}: ${bar.value}`).join(', ');
  return (
    <Box component="figure" sx={{ m: 0, my: 2 }}>
      <BarList bars={bars} keepOrder ariaLabel={`Connections by status: ${summary}`} />
      <Typography component="figcaption" variant="caption" color="text.secondary">
        Connections by status, sandbox excluded. {summary}.
      </Typography>
    </Box>
  );
}
