// Otsu's threshold, as skimage.filters.threshold_otsu (0.19.3): the bin centre that maximises the
// between-class variance of the histogram (see ../histogram.ts), in float64.
import type { PixelArray } from '../../core/image';
import { histogram } from '../histogram';
import { argmax } from '../numpy-float';
import { constantValue } from './constant';

export function thresholdOtsu(values: PixelArray): number {
  const constant = constantValue(values);
  if (constant !== undefined) return constant;
  const { counts, centers } = histogram(values);
  const n = counts.length;
  const weight1 = new Float64Array(n);
  const weight2 = new Float64Array(n);
  const mean1 = new Float64Array(n);
  const mean2 = new Float64Array(n);
  let w = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    weight1[i] = w += counts[i];
    mean1[i] = (m += counts[i] * centers[i]) / w;
  }
  w = 0;
  m = 0;
  for (let i = n - 1; i >= 0; i--) {
    weight2[i] = w += counts[i];
    mean2[i] = (m += counts[i] * centers[i]) / w;
  }
  const variance = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    const d = mean1[i] - mean2[i + 1];
    variance[i] = weight1[i] * weight2[i + 1] * (d * d);
  }
  return centers[argmax(variance)];
}
