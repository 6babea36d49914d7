import { Box, Typography } from '@mui/material';
import { statusStyle } from '../resources/connections/StatusPill';
import type { ConnectionCountRow } from './types';

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 120;
const WIDTH = 480;

/** Connections by status (sandbox excluded) as horizontal SVG bars; the figures are also in the text and the table below. */
export function StatusBarChart({ rows }: { rows: ConnectionCountRow[] }) {
  const byStatus = new Map<string, number>();
  for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.connections);
  const bars = [...byStatus.entries()].sort((a, b) => b[1] - a[1]);
  if (bars.length === 0) return null;
  const peak = Math.max(1, ...bars.map(([, n]) => n));
  const summary = bars.map(([status, n]) => `${statusStyle(status).label}: ${n}`).join(', ');
  const height = bars.length * (BAR_HEIGHT + 6);
  return (
    <Box component="figure" sx={{ m: 0, my: 2 }}>
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} style={{ maxWidth: WIDTH }} role="img" aria-label={`Connections by status: ${summary}`}>
        {bars.map(([status, n], i) => {
          const y = i * (BAR_HEIGHT + 6);
          const width = ((WIDTH - LABEL_WIDTH - 50) * n) / peak;
          const style = statusStyle(status);
          return (
            <g key={status}>
              <text x={0} y={y + BAR_HEIGHT * 0.7} fontSize={13} fill="#212121">
                {style.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(width, 1)} height={BAR_HEIGHT} fill={style.color} />
              <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.7} fontSize={13} fill="#212121">
                {n}
              </text>
            </g>
          );
        })}
      </svg>
      <Typography component="figcaption" variant="caption" color="text.secondary">
        Connections by status, sandbox excluded. {summary}.
      </Typography>
    </Box>
  );
}
