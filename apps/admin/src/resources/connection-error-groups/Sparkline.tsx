import { plural } from '../../ui/format';
import { Box } from '@mui/material';
import type { TrendDay } from './types';

/** The 30-day trend as a small SVG line (tiny by default), with the figures in words for screen readers and on hover. */
export function Sparkline({ trend, width: WIDTH = 90, height: HEIGHT = 24 }: { trend: Pick<TrendDay, 'date' | 'errors'>[]; width?: number; height?: number }) {
  const total = trend.reduce((sum, day) => sum + day.errors, 0);
  const peak = Math.max(1, ...trend.map((day) => day.errors));
  const label = trend.length === 0 ? 'No errors in the last 30 days' : `${plural(total, 'error')} over ${plural(trend.length, 'day')}, at most ${total === 0 ? 0 : peak} a day`;
  const step = trend.length > 1 ? WIDTH / (trend.length - 1) : 0;
  const points = trend.map((day, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (day.errors / peak) * (HEIGHT - 4)).toFixed(1)}`).join(' ');
  return (
    <Box component="span" title={label} sx={{ display: 'inline-flex' }}>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
        <line x1={0} y1={HEIGHT - 2} x2={WIDTH} y2={HEIGHT - 2} stroke="#9e9e9e" strokeWidth={0.5} />
        {trend.length > 1 && <polyline points={points} fill="none" stroke="#b3261e" strokeWidth={1.5} />}
      </svg>
    </Box>
  );
}
