// Small inline-SVG charts for the dashboards. Each chart is a figure with a caption, and the same
// numbers are in a table next to it, so nothing is only visible as a picture.
import type { ReactNode } from 'react';

export interface ChartPoint {
  label: string;
  value: number;
}

const BAR_H = 28;
const GAP = 10;
const LABEL_W = 200;
const MAX_LABEL = 26;

/** Long names are cut on the chart (the table next to it has them in full). */
const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);
const WIDTH = 560;

/** Horizontal bars: one per category or provider. */
export function BarChart({
  title,
  points,
  format,
  testId,
}: {
  title: ReactNode;
  points: ChartPoint[];
  format(v: number): string;
  testId?: string;
}) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const height = Math.max(1, points.length) * (BAR_H + GAP) + GAP;
  const barSpace = WIDTH - LABEL_W - 110;
  return (
    <figure className="kb-chart" data-testid={testId}>
      <figcaption className="kb-chart__caption">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="kb-chart__svg" role="img" aria-label={String(title)}>
        {points.map((p, i) => {
          const y = GAP + i * (BAR_H + GAP);
          const w = Math.max(2, (p.value / max) * barSpace);
          return (
            <g key={p.label}>
              <text x={LABEL_W - 8} y={y + BAR_H / 2 + 5} textAnchor="end" className="kb-chart__label">
                <title>{p.label}</title>
                {short(p.label)}
              </text>
              <rect
                x={LABEL_W}
                y={y}
                width={w}
                height={BAR_H}
                rx={3}
                className={`kb-chart__bar kb-chart__bar--${i % 4}`}
              />
              <text x={LABEL_W + w + 8} y={y + BAR_H / 2 + 5} className="kb-chart__value">
                {format(p.value)}
              </text>
            </g>
          );
        })}
        {points.length === 0 && (
          <text x={WIDTH / 2} y={height / 2 + 5} textAnchor="middle" className="kb-chart__label">
            —
          </text>
        )}
      </svg>
    </figure>
  );
}

/** Vertical bars over time: one per month. */
export function ColumnChart({
  title,
  points,
  format,
  testId,
}: {
  title: ReactNode;
  points: ChartPoint[];
  format(v: number): string;
  testId?: string;
}) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const height = 240;
  const plot = height - 60;
  const colW = Math.min(80, (WIDTH - 40) / Math.max(1, points.length));
  return (
    <figure className="kb-chart" data-testid={testId}>
      <figcaption className="kb-chart__caption">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="kb-chart__svg" role="img" aria-label={String(title)}>
        <line x1={20} x2={WIDTH - 10} y1={plot + 20} y2={plot + 20} className="kb-chart__axis" />
        {points.map((p, i) => {
          const h = Math.max(2, (p.value / max) * (plot - 20));
          const x = 30 + i * colW;
          return (
            <g key={p.label}>
              <rect
                x={x}
                y={plot + 20 - h}
                width={colW - 12}
                height={h}
                rx={3}
                className="kb-chart__bar kb-chart__bar--0"
              />
              <text
                x={x + (colW - 12) / 2}
                y={plot + 20 - h - 6}
                textAnchor="middle"
                className="kb-chart__value"
              >
                {format(p.value)}
              </text>
              <text x={x + (colW - 12) / 2} y={plot + 40} textAnchor="middle" className="kb-chart__label">
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
