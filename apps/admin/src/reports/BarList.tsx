const BAR_HEIGHT = 22;
const LABEL_WIDTH = 120;
const WIDTH = 480;

export interface Bar {
  key: string;
  label: string;
  value: number;
  color: string;
}

/** Horizontal SVG bars, largest first unless `keepOrder`; the caller states the figures in text too. */
export function BarList({ bars, ariaLabel, keepOrder = false, labelWidth = LABEL_WIDTH }: { bars: Bar[]; ariaLabel: string; keepOrder?: boolean; labelWidth?: number }) {
  const shown = keepOrder ? bars : [...bars].sort((a, b) => b.value - a.value);
  if (shown.length === 0) return null;
  const peak = Math.max(1, ...shown.map((bar) => bar.value));
  const height = shown.length * (BAR_HEIGHT + 6);
  return (
    <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} style={{ maxWidth: WIDTH }} role="img" aria-label={ariaLabel}>
      {shown.map((bar, i) => {
        const y = i * (BAR_HEIGHT + 6);
        const width = ((WIDTH - labelWidth - 50) * bar.value) / peak;
        return (
          <g key={bar.key}>
            <text x={0} y={y + BAR_HEIGHT * 0.7} fontSize={13} fill="#212121">
              {bar.label}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(width, 1)} height={BAR_HEIGHT} fill={bar.color} />
            <text x={labelWidth + width + 6} y={y + BAR_HEIGHT * 0.7} fontSize={13} fill="#212121">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
