import { useFormat } from '../format.ts';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** A second value drawn beside the first (e.g. reported beside registered). */
  other?: number;
}

const rowHeight = 26;
const labelWidth = 240;
const width = 600;

/**
 * Horizontal bars drawn as SVG. The numbers are written beside the bars, and the chart carries a
 * text title, so a screen reader gets the same figures.
 */
export function BarChart({ title, bars, legend }: { title: string; bars: Bar[]; legend?: [string, string] }) {
  const format = useFormat();
  const max = Math.max(1, ...bars.flatMap((b) => [b.value, b.other ?? 0]));
  const scale = (value: number) => (value / max) * (width - labelWidth - 60);
  const paired = bars.some((b) => b.other !== undefined);
  const height = bars.length * rowHeight * (paired ? 1.6 : 1) + 8;
  const step = rowHeight * (paired ? 1.6 : 1);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} width="100%">
        <title>{title}</title>
        {bars.map((bar, i) => {
          const y = i * step + 4;
          const barHeight = paired ? rowHeight * 0.65 : rowHeight * 0.7;
          return (
            <g key={bar.key}>
              <text x={labelWidth - 8} y={y + barHeight * 0.8} textAnchor="end" className="chart-label">
                {bar.label}
              </text>
              <rect x={labelWidth} y={y} width={scale(bar.value)} height={barHeight} className="bar-a" />
              <text x={labelWidth + scale(bar.value) + 4} y={y + barHeight * 0.8} className="chart-value">
                {format.number(bar.value)}
              </text>
              {bar.other !== undefined && (
                <>
                  <rect
                    x={labelWidth}
                    y={y + barHeight}
                    width={scale(bar.other)}
                    height={barHeight * 0.8}
                    className="bar-b"
                  />
                  <text
                    x={labelWidth + scale(bar.other) + 4}
                    y={y + barHeight * 1.65}
                    className="chart-value"
                  >
                    {format.number(bar.other)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      {legend && (
        <figcaption className="legend">
          <span className="swatch bar-a" /> {legend[0]} <span className="swatch bar-b" /> {legend[1]}
        </figcaption>
      )}
    </figure>
  );
}
