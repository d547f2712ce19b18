// A table's series over planes as a small SVG line plot (see engine/series-plot.ts for which tables).
import type { SeriesPlot } from '../engine/series-plot';
import { formatNumber } from '../display/format';
import { labelColor } from '../display/contrast';

const PAD = { left: 36, right: 6, top: 6, bottom: 18 };

export function SeriesPlotView({ plot, width = 216, height = 110 }: { plot: SeriesPlot; width?: number; height?: number }) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of plot.series) for (const v of s.y) if (v === v) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  if (!(hi >= lo)) return null;
  if (hi === lo) (lo -= 1), (hi += 1);
  const x0 = plot.x[0] ?? 0;
  const x1 = plot.x[plot.x.length - 1] ?? 1;
  const w = width - PAD.left - PAD.right;
  const h = height - PAD.top - PAD.bottom;
  const sx = (x: number) => PAD.left + (x1 > x0 ? ((x - x0) / (x1 - x0)) * w : w / 2);
  const sy = (y: number) => PAD.top + h - ((y - lo) / (hi - lo)) * h;
  // a line breaks where a value is missing
  const path = (ys: number[]) => ys.map((y, i) => (y === y ? `${i > 0 && ys[i - 1] === ys[i - 1] ? 'L' : 'M'}${sx(plot.x[i]).toFixed(1)},${sy(y).toFixed(1)}` : '')).join('');
  const colour = (i: number) => (plot.series[0].name.startsWith('mean of') ? (i === 0 ? '#0f172a' : rgb(i)) : rgb(i + 1));
  return (
    <figure className="cg-plot" data-testid="series-plot" data-lines={plot.series.length} aria-label={`${plot.yLabel} over ${plot.xLabel}: ${plot.series.length} lines`}>
      <svg width={width} height={height} role="img" aria-hidden="true">
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + h} stroke="#94a3b8" />
        <line x1={PAD.left} x2={PAD.left + w} y1={PAD.top + h} y2={PAD.top + h} stroke="#94a3b8" />
        <text x={PAD.left - 3} y={PAD.top + 8} textAnchor="end" className="cg-plot-tick">{formatNumber(hi)}</text>
        <text x={PAD.left - 3} y={PAD.top + h} textAnchor="end" className="cg-plot-tick">{formatNumber(lo)}</text>
        <text x={PAD.left} y={height - 4} className="cg-plot-tick">{formatNumber(x0)}</text>
        <text x={PAD.left + w} y={height - 4} textAnchor="end" className="cg-plot-tick">{formatNumber(x1)}</text>
        <text x={PAD.left + w / 2} y={height - 4} textAnchor="middle" className="cg-plot-tick">{plot.xLabel}</text>
        {plot.series.map((s, i) => (
          <path key={s.name} d={path(s.y)} fill="none" stroke={colour(i)} strokeWidth={i === 0 && s.name.startsWith('mean of') ? 2 : 1.2}>
            <title>{s.name}</title>
          </path>
        ))}
      </svg>
      <figcaption>
        {plot.yLabel}
        {plot.series.length > 1 ? ` · ${plot.series.length} lines` : plot.series[0].name !== plot.yLabel ? ` · ${plot.series[0].name}` : ''}
        {plot.omitted > 0 && <span className="muted"> (+{plot.omitted} not drawn)</span>}
      </figcaption>
    </figure>
  );
}

const rgb = (i: number) => `rgb(${labelColor(i).join(',')})`;
