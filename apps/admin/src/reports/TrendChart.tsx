import { Box, Typography } from '@mui/material';
import { statusStyle } from '../resources/connections/StatusPill';
import { formatMonth } from './month';
import type { TrendMonth } from './types';

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 40;
const BOTTOM = 30;
const STATUS_ORDER = ['Linked', 'PendingAuth', 'Deauthorized', 'Unlinked'];

const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Connections by status per month as stacked bars, billable candidates as a line; the figures are in the table under it. */
export function TrendChart({ months }: { months: TrendMonth[] }) {
  const statuses = [...new Set(months.flatMap((m) => Object.keys(m.byStatus)))].sort(
    (a, b) => (STATUS_ORDER.indexOf(a) + 1 || 99) - (STATUS_ORDER.indexOf(b) + 1 || 99),
  );
  const peak = Math.max(1, ...months.map((m) => Math.max(m.billableConnections, Object.values(m.byStatus).reduce((sum, n) => sum + n, 0))));
  const slot = (WIDTH - LEFT) / months.length;
  const y = (n: number) => HEIGHT - BOTTOM - ((HEIGHT - BOTTOM - 10) * n) / peak;
  const line = months.map((m, i) => `${LEFT + slot * i + slot / 2},${y(m.billableConnections)}`).join(' ');
  const latest = months.at(-1);
  const summary = latest ? `${formatMonth(latest.month)}: ${latest.billableConnections} billable candidates` : '';
  return (
    <Box component="figure" sx={{ m: 0, my: 2 }}>
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: WIDTH }} role="img" aria-label={`Connections by status and billable candidates over ${months.length} months. ${summary}`}>
        <text x={0} y={y(peak) + 4} fontSize={11} fill="#616161">
          {peak}
        </text>
        <text x={0} y={y(0)} fontSize={11} fill="#616161">
          0
        </text>
        {months.map((m, i) => {
          let base = 0;
          const x = LEFT + slot * i + slot * 0.15;
          return (
            <g key={m.month}>
              {statuses.map((status) => {
                const n = m.byStatus[status] ?? 0;
                const top = y(base + n);
                const rect = <rect key={status} x={x} y={top} width={slot * 0.7} height={y(base) - top} fill={statusStyle(status).color} opacity={m.snapshot?.reconstructed ? 0.45 : 1} />;
                base += n;
                return rect;
              })}
              <text x={LEFT + slot * i + slot / 2} y={HEIGHT - 10} fontSize={11} textAnchor="middle" fill="#212121">
                {shortMonth.format(new Date(`${m.month}-01T00:00:00Z`))}
              </text>
            </g>
          );
        })}
        <polyline points={line} fill="none" stroke="#000" strokeWidth={2} strokeDasharray="5 3" />
      </svg>
      <Typography component="figcaption" variant="caption" color="text.secondary">
        Bars: connections by status on each month&apos;s last snapshot ({statuses.map((s) => statusStyle(s).label).join(', ')}), sandbox excluded; dashed line: billable
        candidates. Pale bars: months reconstructed from Codat&apos;s records. {summary}.
      </Typography>
    </Box>
  );
}
