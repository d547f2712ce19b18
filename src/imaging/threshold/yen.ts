// Yen's threshold, as skimage.filters.threshold_yen (0.19.3): maximises Yen's entropic criterion over
// the histogram. skimage computes it in float32 (pmf, cumulative sums, log), reproduced here.
import type { PixelArray } from '../../core/image';
import { histogram } from '../histogram';
import { argmax, logFloat32 } from '../numpy-float';
import { constantValue } from './constant';

const f = Math.fround;

export function thresholdYen(values: PixelArray): number {
  const constant = constantValue(values);
  if (constant !== undefined) return constant;
  const { counts, centers } = histogram(values);
  const n = counts.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += counts[i];
  const totalF = f(total);
  const pmf = new Float64Array(n);
  for (let i = 0; i < n; i++) pmf[i] = f(f(counts[i]) / totalF);
  // P2_sq[i] = sum of pmf² from i to the end (cumsum of the reversed array)
  const p2sq = new Float64Array(n);
  let acc = 0;
  for (let i = n - 1; i >= 0; i--) p2sq[i] = acc = f(acc + f(pmf[i] * pmf[i]));
  const crit = new Float64Array(n - 1);
  let p1 = 0;
  let p1sq = 0;
  for (let i = 0; i < n - 1; i++) {
    p1 = f(p1 + pmf[i]);
    p1sq = f(p1sq + f(pmf[i] * pmf[i]));
    const inv = f(1 / f(p1sq * p2sq[i + 1]));
    const spread = f(p1 * f(1 - p1));
    crit[i] = logFloat32(f(inv * f(spread * spread)));
  }
  return centers[argmax(crit)];
}
