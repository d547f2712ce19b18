// The threshold node's histogram (log counts) with the threshold it chose marked.
import type { HistogramPreview } from '../engine/protocol';
import { formatNumber } from '../display/format';

export { formatNumber };

export function HistogramChart({ histogram, width = 220, height = 60 }: { histogram: HistogramPreview; width?: number; height?: number }) {
  const { counts, min, max, threshold } = histogram;
  const top = Math.log1p(Math.max(1, ...counts));
  const bw = width / counts.length;
  const tx = max > min ? ((threshold - min) / (max - min)) * width : 0;
  return (
    <figure className="cg-histogram" aria-label={`Histogram of the input, threshold ${formatNumber(threshold)}`}>
      <svg width={width} height={height} role="img" aria-hidden="true">
        {Array.from(counts, (c, i) => {
          const h = (Math.log1p(c) / top) * (height - 4);
          return <rect key={i} x={i * bw} y={height - h} width={Math.max(1, bw - 0.3)} height={h} fill="#94a3b8" />;
        })}
        <line x1={tx} x2={tx} y1={0} y2={height} stroke="#ef4444" strokeWidth={2} />
      </svg>
      <figcaption>
        threshold <strong data-testid="threshold-value">{formatNumber(threshold)}</strong> <span className="muted">({formatNumber(min)}–{formatNumber(max)})</span>
      </figcaption>
    </figure>
  );
}
