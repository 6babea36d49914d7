import { statusStyle } from '../resources/connections/StatusPill';

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 40;
const BOTTOM = 30;
const STATUS_ORDER = ['Linked', 'PendingAuth', 'Deauthorized', 'Unlinked'];

export interface StatusColumn {
  key: string;
  /** Under the column; empty to leave it unlabelled. */
  label: string;
  byStatus: Record<string, number>;
  /** Drawn pale: figures rebuilt afterwards rather than taken at the time. */
  pale?: boolean;
  /** A figure drawn as a dashed line across the columns. */
  line?: number;
}

/** The statuses present, in the order staff read them (Linked first). */
export function statusesOf(columns: StatusColumn[]): string[] {
  return [...new Set(columns.flatMap((column) => Object.keys(column.byStatus)))].sort(
    (a, b) => (STATUS_ORDER.indexOf(a) + 1 || 99) - (STATUS_ORDER.indexOf(b) + 1 || 99),
  );
}

/** Connections by status per column (a month, a day) as stacked SVG bars, with an optional dashed line. */
export function StackedStatusBars({ columns, ariaLabel }: { columns: StatusColumn[]; ariaLabel: string }) {
  const statuses = statusesOf(columns);
  const total = (column: StatusColumn) => Object.values(column.byStatus).reduce((sum, n) => sum + n, 0);
  const peak = Math.max(1, ...columns.map((column) => Math.max(column.line ?? 0, total(column))));
  const slot = (WIDTH - LEFT) / Math.max(1, columns.length);
  const y = (n: number) => HEIGHT - BOTTOM - ((HEIGHT - BOTTOM - 10) * n) / peak;
  const lined = columns.filter((column) => column.line !== undefined);
  const line = lined.map((column) => `${LEFT + slot * columns.indexOf(column) + slot / 2},${y(column.line!)}`).join(' ');
  return (
    <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: WIDTH }} role="img" aria-label={ariaLabel}>
      <text x={0} y={y(peak) + 4} fontSize={11} fill="#616161">
        {peak}
      </text>
      <text x={0} y={y(0)} fontSize={11} fill="#616161">
        0
      </text>
      {columns.map((column, i) => {
        let base = 0;
        const x = LEFT + slot * i + slot * 0.15;
        return (
          <g key={column.key}>
            {statuses.map((status) => {
              const n = column.byStatus[status] ?? 0;
              const top = y(base + n);
              const rect = <rect key={status} x={x} y={top} width={slot * 0.7} height={y(base) - top} fill={statusStyle(status).color} opacity={column.pale ? 0.45 : 1} />;
              base += n;
              return rect;
            })}
            {column.label && (
              <text x={LEFT + slot * i + slot / 2} y={HEIGHT - 10} fontSize={11} textAnchor="middle" fill="#212121">
                {column.label}
              </text>
            )}
          </g>
        );
      })}
      {lined.length > 0 && <polyline points={line} fill="none" stroke="#000" strokeWidth={2} strokeDasharray="5 3" />}
    </svg>
  );
}
